/**
 * The SQLite implementation of `PeopleStore`, on the same connection as `SqliteStore` (one file
 * shared by the app and the command line). Writes take the write lock at their start (IMMEDIATE),
 * so checks such as "no users yet" or "one admin stays" cannot interleave with another process.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { generateRawKeyPair } from '../people/keys';
import { nameKey, ROLES, type Role } from '../../shared/rules/roles';
import { COPIES, type Copy } from '../summary/summary-types';
import type { AttemptAnswer, Credentials, NewUser, PeopleStore, SignInAttempts, SignerHistory, SignerKey, SummaryRow, UserChange, UserRecord } from './people-store';

const now = () => new Date().toISOString();
const LAST_ADMIN: UserChange = { ok: false, reason: 'last_admin', message: 'at least one enabled admin must remain' };

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
  disabled: z.union([z.literal(0), z.literal(1)]),
  pass_hash: z.string(),
  public_key: z.string(),
  private_key_json: z.string(),
  created_at: z.string(),
  created_by: z.string(),
});

function userFromSql(row: unknown): UserRecord {
  const r = userRowSchema.parse(row);
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    disabled: r.disabled === 1,
    passHash: r.pass_hash,
    publicKey: r.public_key,
    encryptedPrivateKey: encryptedKeySchema.parse(JSON.parse(r.private_key_json)),
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/** Stores signed summaries; called inside the transaction that confirms the promise. */
export function insertSummaries(db: Database, promiseId: string, rows: readonly SummaryRow[], at: string): void {
  const insert = db.prepare('INSERT OR REPLACE INTO summaries (promise_id, copy, json, signed_by, created_at) VALUES (?, ?, ?, ?, ?)');
  for (const r of rows) insert.run(promiseId, r.copy, r.json, r.signedBy, at);
}

export class SqlitePeopleStore implements PeopleStore {
  constructor(readonly db: Database) {}

  private userRow(name: string): UserRecord | null {
    const row = this.db.prepare('SELECT * FROM users WHERE name_lower = ?').get(nameKey(name));
    return row ? userFromSql(row) : null;
  }

  /** Whether `u` is the only enabled admin (read inside the write transaction). */
  private isLastAdmin(u: UserRecord): boolean {
    if (u.role !== 'admin' || u.disabled) return false;
    return (this.db.prepare(`SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0`).get() as { n: number }).n <= 1;
  }

  private event(at: string, actor: string, action: string, target: string, detail: string | null): void {
    this.db.prepare('INSERT INTO user_events (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)').run(at, actor, action, target, detail);
  }

  /** Records the user's role and state from `at` on (verify judges signatures by it). */
  private state(u: UserRecord, at: string): void {
    this.db.prepare('INSERT INTO user_states (user_id, from_at, role, disabled) VALUES (?, ?, ?, ?)').run(u.id, at, u.role, u.disabled ? 1 : 0);
  }

  private write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  async userCount(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  async getUser(name: string): Promise<UserRecord | null> {
    return this.userRow(name);
  }

  activeUser(name: string): Promise<UserRecord | null> {
    return this.getUser(name);
  }


  async listUsers(): Promise<UserRecord[]> {
    return this.db.prepare('SELECT * FROM users ORDER BY name_lower').all().map(userFromSql);
  }

  async addUser(user: NewUser, actor: string, opts: { onlyIfNoUsers?: boolean; at?: string } = {}): Promise<UserChange> {
    return this.write((): UserChange => {
      const at = opts.at ?? now();
      if (opts.onlyIfNoUsers && (this.db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined))
        return { ok: false, reason: 'users_exist', message: 'users exist already: an admin must add new users' };
      if (this.userRow(user.name)) return { ok: false, reason: 'exists', message: `a user named ${user.name} exists already (names are compared ignoring case)` };
      const info = this.db
        .prepare(
          `INSERT INTO users (name, name_lower, role, disabled, pass_hash, public_key, private_key_json, created_at, created_by)
           VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)`,
        )
        .run(user.name, nameKey(user.name), user.role, user.passHash, user.publicKey, JSON.stringify(user.encryptedPrivateKey), at, actor);
      this.db.prepare('INSERT INTO user_keys (public_key, user_id, created_at) VALUES (?, ?, ?)').run(user.publicKey, info.lastInsertRowid, at);
      this.event(at, actor, 'add', user.name, user.role);
      const added = this.userRow(user.name)!;
      this.state(added, at);
      return { ok: true, user: added };
    });
  }

  async setDisabled(name: string, disabled: boolean, actor: string, at: string = now()): Promise<UserChange> {
    return this.write((): UserChange => {
      const u = this.userRow(name);
      if (!u) return { ok: false, reason: 'not_found', message: `no user named ${name}` };
      if (disabled && this.isLastAdmin(u)) return LAST_ADMIN;
      this.db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, u.id);
      this.event(at, actor, disabled ? 'disable' : 'enable', u.name, null);
      const changed = this.userRow(name)!;
      this.state(changed, at);
      return { ok: true, user: changed };
    });
  }

  async setRole(name: string, role: Role, actor: string, at: string = now()): Promise<UserChange> {
    return this.write((): UserChange => {
      const u = this.userRow(name);
      if (!u) return { ok: false, reason: 'not_found', message: `no user named ${name}` };
      if (role !== 'admin' && this.isLastAdmin(u)) return LAST_ADMIN;
      this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, u.id);
      this.event(at, actor, 'role', u.name, `${u.role} -> ${role}`);
      const changed = this.userRow(name)!;
      this.state(changed, at);
      return { ok: true, user: changed };
    });
  }

  async setCredentials(name: string, c: Credentials, actor: string, at: string = now()): Promise<UserChange> {
    return this.write((): UserChange => {
      const u = this.userRow(name);
      if (!u) return { ok: false, reason: 'not_found', message: `no user named ${name}` };
      this.db.prepare('UPDATE users SET pass_hash = ?, public_key = ?, private_key_json = ? WHERE id = ?').run(c.passHash, c.publicKey, JSON.stringify(c.encryptedPrivateKey), u.id);
      const newKey = c.publicKey !== u.publicKey;
      if (newKey) {
        this.db.prepare('UPDATE user_keys SET retired_at = ? WHERE user_id = ? AND retired_at IS NULL').run(at, u.id);
        this.db.prepare('INSERT INTO user_keys (public_key, user_id, created_at) VALUES (?, ?, ?)').run(c.publicKey, u.id, at);
      }
      this.event(at, actor, newKey ? 'reset' : 'passphrase', u.name, null);
      return { ok: true, user: this.userRow(name)! };
    });
  }

  async installationKey(): Promise<{ publicKey: string; privateKey: string }> {
    const read = () => this.db.prepare('SELECT public_key, private_key FROM installation_key WHERE id = 1').get() as { public_key: string; private_key: string } | undefined;
    let row = read();
    if (!row) {
      const kp = generateRawKeyPair();
      // Two processes may both get here: the first insert wins and both use its key.
      this.write(() => this.db.prepare('INSERT OR IGNORE INTO installation_key (id, public_key, private_key, created_at) VALUES (1, ?, ?, ?)').run(kp.publicKey, kp.privateKey, now()));
      row = read()!;
    }
    return { publicKey: row.public_key, privateKey: row.private_key };
  }

  async signerKeys(name: string): Promise<SignerKey[]> {
    if (name === 'local') {
      const row = this.db.prepare('SELECT public_key FROM installation_key WHERE id = 1').get() as { public_key: string } | undefined;
      return row ? [{ publicKey: row.public_key, retiredAt: null }] : [];
    }
    const rows = this.db
      .prepare('SELECT k.public_key, k.retired_at FROM user_keys k JOIN users u ON u.id = k.user_id WHERE u.name = ? ORDER BY k.created_at')
      .all(name) as { public_key: string; retired_at: string | null }[];
    return rows.map((r) => ({ publicKey: r.public_key, retiredAt: r.retired_at }));
  }

  async signerHistory(name: string): Promise<SignerHistory | null> {
    const u = this.db.prepare('SELECT id FROM users WHERE name = ?').get(name) as { id: number } | undefined;
    if (!u) return null;
    const keys = this.db.prepare('SELECT public_key, created_at, retired_at FROM user_keys WHERE user_id = ? ORDER BY created_at').all(u.id) as {
      public_key: string;
      created_at: string;
      retired_at: string | null;
    }[];
    const states = this.db.prepare('SELECT from_at, role, disabled FROM user_states WHERE user_id = ? ORDER BY seq').all(u.id) as { from_at: string; role: Role; disabled: number }[];
    return {
      keys: keys.map((k) => ({ publicKey: k.public_key, createdAt: k.created_at, retiredAt: k.retired_at })),
      states: states.map((s) => ({ from: s.from_at, role: s.role, disabled: s.disabled === 1 })),
    };
  }

  async firstUserAt(): Promise<string | null> {
    return (this.db.prepare('SELECT min(created_at) AS at FROM users').get() as { at: string | null }).at;
  }

  async signInAttempts(name: string, source: string): Promise<SignInAttempts | null> {
    const row = this.db.prepare('SELECT attempts, last_attempt_at FROM sign_in_attempts WHERE name_lower = ? AND source = ?').get(nameKey(name), source) as
      | { attempts: number; last_attempt_at: string }
      | undefined;
    return row ? { attempts: row.attempts, lastAttemptAt: row.last_attempt_at } : null;
  }

  async countSignInAttempt(name: string, source: string, at: string, waitSeconds: (attempts: number) => number): Promise<AttemptAnswer> {
    // IMMEDIATE: parallel attempts (other connections, other processes) are counted one after another.
    return this.write((): AttemptAnswer => {
      const key = nameKey(name);
      const row = this.db.prepare('SELECT attempts, last_attempt_at FROM sign_in_attempts WHERE name_lower = ? AND source = ?').get(key, source) as
        | { attempts: number; last_attempt_at: string }
        | undefined;
      if (row) {
        const left = Math.ceil(waitSeconds(row.attempts) - (Date.parse(at) - Date.parse(row.last_attempt_at)) / 1000);
        if (left > 0) return { counted: false, waitSeconds: left, attempts: row.attempts };
      }
      this.db
        .prepare(
          `INSERT INTO sign_in_attempts (name_lower, source, attempts, last_attempt_at) VALUES (?, ?, 1, ?)
           ON CONFLICT (name_lower, source) DO UPDATE SET attempts = attempts + 1, last_attempt_at = excluded.last_attempt_at`,
        )
        .run(key, source, at);
      return { counted: true, attempts: (row?.attempts ?? 0) + 1 };
    });
  }

  async clearSignInAttempts(name: string, source: string): Promise<void> {
    this.db.prepare('DELETE FROM sign_in_attempts WHERE name_lower = ? AND source = ?').run(nameKey(name), source);
  }

  async getSummary(promiseId: string, copy: Copy): Promise<SummaryRow | null> {
    if (!(COPIES as readonly string[]).includes(copy)) return null;
    const row = this.db.prepare('SELECT copy, json, signed_by FROM summaries WHERE promise_id = ? AND copy = ?').get(promiseId, copy) as
      | { copy: Copy; json: string; signed_by: string }
      | undefined;
    return row ? { copy: row.copy, json: row.json, signedBy: row.signed_by } : null;
  }
}
