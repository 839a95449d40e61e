/**
 * The PostgreSQL implementation of `PeopleStore`. Checks such as "no users yet" and "one enabled
 * admin stays" run under a transaction advisory lock of the people tables, so two processes cannot
 * both pass them; a sign-in attempt is counted in one transaction holding its row (FOR UPDATE)
 * before the passphrase is checked. Every role change is kept in `user_states` for verify.
 */
import { z } from 'zod';
import { generateRawKeyPair } from '../../people/keys';
import { nameKey, ROLES, type Role } from '../../../shared/rules/roles';
import { COPIES, type Copy } from '../../summary/summary-types';
import type { AttemptAnswer, Credentials, NewUser, PeopleStore, SignInAttempts, SignerHistory, SignerKey, SummaryRow, UserChange, UserRecord } from '../people-store';
import { read } from './connection';
import type { PgHost } from './pg-host';
import { UserRows } from './user-rows';
import type pg from 'pg';

const now = () => new Date().toISOString();
const LAST_ADMIN: UserChange = { ok: false, reason: 'last_admin', message: 'at least one enabled admin must remain' };
const PEOPLE_LOCK = 7_310_422_003;

const encryptedKeySchema = z.object({
  v: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  nonce: z.string(),
  ciphertext: z.string(),
});

const userRowSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  pass_hash: z.string(),
  public_key: z.string(),
  private_key: z.unknown(),
  created_at: z.string(),
  created_by: z.string(),
});

function userFromPg(row: unknown): UserRecord {
  const r = userRowSchema.parse(row);
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    disabled: r.disabled,
    passHash: r.pass_hash,
    publicKey: r.public_key,
    encryptedPrivateKey: encryptedKeySchema.parse(r.private_key),
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

type Q = pg.ClientBase | pg.Pool;

export class PgPeopleStore implements PeopleStore {
  constructor(readonly store: PgHost) {}

  private get pool() {
    return this.store.pool;
  }

  private async userRow(c: Q, name: string): Promise<UserRecord | null> {
    const row = (await c.query('SELECT * FROM users WHERE name_lower = $1', [nameKey(name)])).rows[0];
    return row ? userFromPg(row) : null;
  }

  private async isLastAdmin(c: Q, u: UserRecord): Promise<boolean> {
    if (u.role !== 'admin' || u.disabled) return false;
    return (await c.query<{ n: number }>(`SELECT count(*) AS n FROM users WHERE role = 'admin' AND NOT disabled`)).rows[0]!.n <= 1;
  }

  private async event(c: Q, at: string, actor: string, action: string, target: string, detail: string | null): Promise<void> {
    await c.query('INSERT INTO user_events (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [at, actor, action, target, detail]);
  }

  /** Records the user's role and state from `at` on (verify judges signatures by it). */
  private async state(c: Q, u: UserRecord, at: string): Promise<void> {
    await c.query('INSERT INTO user_states (user_id, from_at, role, disabled) VALUES ($1, $2, $3, $4)', [u.id, at, u.role, u.disabled]);
  }

  /** A change of people under the people lock (serialized with every other one). */
  private write(fn: (c: pg.PoolClient) => Promise<UserChange>): Promise<UserChange> {
    return this.store
      .change(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [PEOPLE_LOCK]);
        return fn(c);
      })
      .finally(() => this.userRows.forget(null)); // this process's next request reads the row as changed
  }

  async userCount(): Promise<number> {
    return read(this.pool, async (p) => (await p.query<{ n: number }>('SELECT count(*) AS n FROM users')).rows[0]!.n);
  }

  async getUser(name: string): Promise<UserRecord | null> {
    return read(this.pool, (p) => this.userRow(p, name));
  }

  /** The rows kept for sessions; they are kept only while a follower tells them of changes. */
  readonly userRows = new UserRows<UserRecord | null>();

  activeUser(name: string): Promise<UserRecord | null> {
    return this.userRows.get(nameKey(name), () => this.getUser(name));
  }

  async listUsers(): Promise<UserRecord[]> {
    return read(this.pool, async (p) => (await p.query('SELECT * FROM users ORDER BY name_lower')).rows.map(userFromPg));
  }

  async addUser(user: NewUser, actor: string, opts: { onlyIfNoUsers?: boolean; at?: string } = {}): Promise<UserChange> {
    return this.write(async (c) => {
      const at = opts.at ?? now();
      if (opts.onlyIfNoUsers && (await c.query('SELECT 1 FROM users LIMIT 1')).rowCount) return { ok: false, reason: 'users_exist', message: 'users exist already: an admin must add new users' };
      if (await this.userRow(c, user.name)) return { ok: false, reason: 'exists', message: `a user named ${user.name} exists already (names are compared ignoring case)` };
      const id = (
        await c.query<{ id: number }>(
          `INSERT INTO users (name, name_lower, role, disabled, pass_hash, public_key, private_key, created_at, created_by)
           VALUES ($1, $2, $3, false, $4, $5, $6, $7, $8) RETURNING id`,
          [user.name, nameKey(user.name), user.role, user.passHash, user.publicKey, JSON.stringify(user.encryptedPrivateKey), at, actor],
        )
      ).rows[0]!.id;
      await c.query('INSERT INTO user_keys (public_key, user_id, created_at) VALUES ($1, $2, $3)', [user.publicKey, id, at]);
      await this.event(c, at, actor, 'add', user.name, user.role);
      const added = (await this.userRow(c, user.name))!;
      await this.state(c, added, at);
      return { ok: true, user: added };
    });
  }

  async setDisabled(name: string, disabled: boolean, actor: string, at: string = now()): Promise<UserChange> {
    return this.write(async (c) => {
      const u = await this.userRow(c, name);
      if (!u) return { ok: false, reason: 'not_found', message: `no user named ${name}` };
      if (disabled && (await this.isLastAdmin(c, u))) return LAST_ADMIN;
      await c.query('UPDATE users SET disabled = $1 WHERE id = $2', [disabled, u.id]);
      await this.event(c, at, actor, disabled ? 'disable' : 'enable', u.name, null);
      const changed = (await this.userRow(c, name))!;
      await this.state(c, changed, at);
      return { ok: true, user: changed };
    });
  }

  async setRole(name: string, role: Role, actor: string, at: string = now()): Promise<UserChange> {
    return this.write(async (c) => {
      const u = await this.userRow(c, name);
      if (!u) return { ok: false, reason: 'not_found', message: `no user named ${name}` };
      if (role !== 'admin' && (await this.isLastAdmin(c, u))) return LAST_ADMIN;
      await c.query('UPDATE users SET role = $1 WHERE id = $2', [role, u.id]);
      await this.event(c, at, actor, 'role', u.name, `${u.role} -> ${role}`);
      const changed = (await this.userRow(c, name))!;
      await this.state(c, changed, at);
      return { ok: true, user: changed };
    });
  }

  async setCredentials(name: string, cr: Credentials, actor: string, at: string = now()): Promise<UserChange> {
    return this.write(async (c) => {
      const u = await this.userRow(c, name);
      if (!u) return { ok: false, reason: 'not_found', message: `no user named ${name}` };
      await c.query('UPDATE users SET pass_hash = $1, public_key = $2, private_key = $3 WHERE id = $4', [cr.passHash, cr.publicKey, JSON.stringify(cr.encryptedPrivateKey), u.id]);
      const newKey = cr.publicKey !== u.publicKey;
      if (newKey) {
        await c.query('UPDATE user_keys SET retired_at = $1 WHERE user_id = $2 AND retired_at IS NULL', [at, u.id]);
        await c.query('INSERT INTO user_keys (public_key, user_id, created_at) VALUES ($1, $2, $3)', [cr.publicKey, u.id, at]);
      }
      await this.event(c, at, actor, newKey ? 'reset' : 'passphrase', u.name, null);
      return { ok: true, user: (await this.userRow(c, name))! };
    });
  }

  async installationKey(): Promise<{ publicKey: string; privateKey: string }> {
    const readKey = async () => (await this.pool.query<{ public_key: string; private_key: string }>('SELECT public_key, private_key FROM installation_key WHERE id = 1')).rows[0];
    let row = await read(this.pool, readKey);
    if (!row) {
      const kp = generateRawKeyPair();
      // Two processes may both get here: the first insert wins and both use its key.
      await this.store.tx((c) => c.query('INSERT INTO installation_key (id, public_key, private_key, created_at) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING', [kp.publicKey, kp.privateKey, now()]));
      row = (await read(this.pool, readKey))!;
    }
    return { publicKey: row.public_key, privateKey: row.private_key };
  }

  async signerKeys(name: string): Promise<SignerKey[]> {
    return read(this.pool, async (p) => {
      if (name === 'local') {
        const row = (await p.query<{ public_key: string }>('SELECT public_key FROM installation_key WHERE id = 1')).rows[0];
        return row ? [{ publicKey: row.public_key, retiredAt: null }] : [];
      }
      const rows = await p.query<{ public_key: string; retired_at: string | null }>(
        'SELECT k.public_key, k.retired_at FROM user_keys k JOIN users u ON u.id = k.user_id WHERE u.name = $1 ORDER BY k.created_at',
        [name],
      );
      return rows.rows.map((r) => ({ publicKey: r.public_key, retiredAt: r.retired_at }));
    });
  }

  async signerHistory(name: string): Promise<SignerHistory | null> {
    return read(this.pool, async (p) => {
      const u = (await p.query<{ id: number }>('SELECT id FROM users WHERE name = $1', [name])).rows[0];
      if (!u) return null;
      const keys = await p.query<{ public_key: string; created_at: string; retired_at: string | null }>('SELECT public_key, created_at, retired_at FROM user_keys WHERE user_id = $1 ORDER BY created_at', [u.id]);
      const states = await p.query<{ from_at: string; role: Role; disabled: boolean }>('SELECT from_at, role, disabled FROM user_states WHERE user_id = $1 ORDER BY seq', [u.id]);
      return {
        keys: keys.rows.map((k) => ({ publicKey: k.public_key, createdAt: k.created_at, retiredAt: k.retired_at })),
        states: states.rows.map((s) => ({ from: s.from_at, role: s.role, disabled: s.disabled })),
      };
    });
  }

  async firstUserAt(): Promise<string | null> {
    return read(this.pool, async (p) => (await p.query<{ at: string | null }>('SELECT min(created_at) AS at FROM users')).rows[0]!.at);
  }

  async signInAttempts(name: string, source: string): Promise<SignInAttempts | null> {
    return read(this.pool, async (p) => {
      const row = (await p.query<{ attempts: number; last_attempt_at: string }>('SELECT attempts, last_attempt_at FROM sign_in_attempts WHERE name_lower = $1 AND source = $2', [nameKey(name), source])).rows[0];
      return row ? { attempts: row.attempts, lastAttemptAt: row.last_attempt_at } : null;
    });
  }

  async countSignInAttempt(name: string, source: string, at: string, waitSeconds: (attempts: number) => number): Promise<AttemptAnswer> {
    const key = nameKey(name);
    return this.store.tx(async (c): Promise<AttemptAnswer> => {
      // One statement that inserts or locks the row, held until commit: parallel attempts are
      // counted one after another. (An INSERT … DO NOTHING then a SELECT … FOR UPDATE found no
      // row when a successful sign-in cleared it in between.)
      const row = (
        await c.query<{ attempts: number; last_attempt_at: string }>(
          `INSERT INTO sign_in_attempts (name_lower, source, attempts, last_attempt_at) VALUES ($1, $2, 1, $3)
           ON CONFLICT (name_lower, source) DO UPDATE SET attempts = sign_in_attempts.attempts
           RETURNING attempts, last_attempt_at`,
          [key, source, '1970-01-01T00:00:00Z'],
        )
      ).rows[0]!;
      // A row made just now by this attempt stands for no attempt yet.
      const fresh = Date.parse(row.last_attempt_at) === 0;
      const attempts = fresh ? 0 : row.attempts;
      const left = Math.ceil(waitSeconds(attempts) - (Date.parse(at) - Date.parse(row.last_attempt_at)) / 1000);
      if (!fresh && left > 0) return { counted: false, waitSeconds: left, attempts };
      await c.query('UPDATE sign_in_attempts SET attempts = $3, last_attempt_at = $4 WHERE name_lower = $1 AND source = $2', [key, source, attempts + 1, at]);
      return { counted: true, attempts: attempts + 1 };
    });
  }

  async clearSignInAttempts(name: string, source: string): Promise<void> {
    await this.store.tx((c) => c.query('DELETE FROM sign_in_attempts WHERE name_lower = $1 AND source = $2', [nameKey(name), source]));
  }

  async getSummary(promiseId: string, copy: Copy): Promise<SummaryRow | null> {
    if (!(COPIES as readonly string[]).includes(copy)) return null;
    return read(this.pool, async (p) => {
      const row = (await p.query<{ copy: Copy; json: string; signed_by: string }>('SELECT copy, json, signed_by FROM summaries WHERE promise_id = $1 AND copy = $2', [promiseId, copy])).rows[0];
      return row ? { copy: row.copy, json: row.json, signedBy: row.signed_by } : null;
    });
  }
}
