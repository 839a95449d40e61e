/**
 * Users and signing in (`promises.md`, People and roles). A signed-in `Actor` carries the user's
 * private key, opened with the passphrase, so that a promise confirmed by that actor can be signed
 * there and then. With no users the database is in single-user mode: the actor is `local`, an
 * admin whose summaries are signed with the installation key.
 */
import type { KeyObject } from 'node:crypto';
import type { PeopleStore, UserRecord } from '../db/people-store';
import { decryptPrivateKey, fingerprint, generateUserKeys, privateKeyFromRaw, reencryptPrivateKey } from './keys';
import { DEFAULT_SCRYPT_COST, hashPassphrase, nameSkeleton, passphraseProblem, userNameProblem, verifyPassphrase, type ScryptCost } from './passphrase';
import { permits } from '../../shared/rules/permissions';
import { isRole, nameKey, type Role } from '../../shared/rules/roles';

export interface Actor {
  name: string;
  role: Role;
  /** For signing summaries: the user's key, or the installation key for `local`. */
  privateKey: KeyObject;
  publicKey: string;
}

export type AuthProblem = 'needs_user' | 'unknown_user' | 'disabled' | 'wrong_passphrase' | 'throttled' | 'forbidden' | 'bad_input' | 'refused';

/** A refusal by the people rules: the command line exits 1, the app shows the message. */
export class AuthError extends Error {
  constructor(
    readonly problem: AuthProblem,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export interface UserListing {
  name: string;
  role: Role;
  disabled: boolean;
  fingerprint: string;
  createdAt: string;
}

/**
 * Tries allowed (per name and source) before each further one must wait; the wait doubles up to
 * the cap. Attempts are counted before the passphrase is checked, so parallel guesses cannot
 * slip past the count; the cap is short and the count is per source, so guessing from one place
 * cannot keep a user out for long, nor at all from another place.
 */
export const FREE_ATTEMPTS = 3;
export const MAX_WAIT_S = 5 * 60;

/** Where a sign-in comes from when nothing says otherwise: the desktop window. */
export const APP_SOURCE = 'app';

/** Seconds to wait after `attempts` attempts since the last success (0 while under the free tries). */
export function throttleSeconds(attempts: number): number {
  if (attempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_S, 2 ** Math.min(20, attempts - FREE_ATTEMPTS + 1));
}

export interface PeopleServiceOptions {
  /** The time of records (users added, roles changed): the desk's clock, fixed in a demo. */
  now?: () => Date;
  /** The time sign-in waits are measured in (default `now`): real, so waits pass in a demo too. */
  attemptClock?: () => Date;
  /** scrypt cost of new hashes and keys (tests lower it to stay quick). */
  scryptCost?: ScryptCost;
}

export class PeopleService {
  readonly now: () => Date;
  private readonly attemptClock: () => Date;
  private readonly cost: ScryptCost;
  /** A hash to verify against for unknown names, so they take as long as known ones. */
  private dummyHash: Promise<string> | null = null;
  private usersExist = false;

  constructor(
    readonly store: PeopleStore,
    opts: PeopleServiceOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.attemptClock = opts.attemptClock ?? this.now;
    this.cost = opts.scryptCost ?? DEFAULT_SCRYPT_COST;
  }

  async singleUserMode(): Promise<boolean> {
    // Users are never deleted: once there is one, the answer stays "no", and
    // a server asks on every change, so it is not asked again.
    if (this.usersExist) return false;
    this.usersExist = (await this.store.userCount()) > 0;
    return !this.usersExist;
  }

  /** The single-user mode actor; refused once users exist. */
  async localActor(): Promise<Actor> {
    if (!(await this.singleUserMode())) throw new AuthError('needs_user', 'users exist in this database: name one with --user and give the passphrase');
    const k = await this.store.installationKey();
    return { name: 'local', role: 'admin', privateKey: privateKeyFromRaw(k.privateKey, k.publicKey), publicKey: k.publicKey };
  }

  /** Checks the passphrase (throttled after repeated attempts from `source`) and opens the user's key. */
  async signIn(name: string, passphrase: string, source: string = APP_SOURCE): Promise<Actor> {
    await this.countAttempt(name, source);
    const user = await this.store.getUser(name);
    if (!user) {
      this.dummyHash ??= hashPassphrase('not a passphrase anyone has', this.cost);
      await verifyPassphrase(passphrase, await this.dummyHash);
      throw new AuthError('unknown_user', `no user named ${name}`);
    }
    if (!(await verifyPassphrase(passphrase, user.passHash))) throw new AuthError('wrong_passphrase', `the passphrase for ${user.name} is not correct`);
    if (user.disabled) throw new AuthError('disabled', `${user.name} is disabled and can no longer act`);
    await this.store.clearSignInAttempts(name, source);
    return { name: user.name, role: user.role, privateKey: await decryptPrivateKey(user.encryptedPrivateKey, user.publicKey, passphrase), publicKey: user.publicKey };
  }

  /** Counts a passphrase attempt before it is checked; refused while the wait after earlier ones lasts. */
  private async countAttempt(name: string, source: string): Promise<void> {
    const a = await this.store.countSignInAttempt(name, source, this.attemptClock().toISOString(), throttleSeconds);
    if (!a.counted) throw new AuthError('throttled', `too many wrong passphrases for ${name}: try again in ${a.waitSeconds} s`);
  }

  /**
   * Who acts: `local` in single-user mode, else the named user with the passphrase. `passphrase`
   * is asked for only when users exist and a name was given; it returns null when it cannot ask.
   */
  async resolveActor(name: string | undefined, passphrase: () => Promise<string | null>, source: string = APP_SOURCE): Promise<Actor> {
    if (await this.singleUserMode()) return this.localActor();
    if (!name) throw new AuthError('needs_user', 'users exist in this database: name who acts with --user NAME');
    const p = await passphrase();
    if (p === null) throw new AuthError('needs_user', `no passphrase for ${name}: set PROMISE_PASSPHRASE or run this in a terminal`);
    return this.signIn(name, p, source);
  }

  async listUsers(): Promise<UserListing[]> {
    return (await this.store.listUsers()).map((u) => ({ name: u.name, role: u.role, disabled: u.disabled, fingerprint: fingerprint(u.publicKey), createdAt: u.createdAt }));
  }

  /** The first user is added by nobody and must be an admin; later ones by an admin. */
  async addUser(actor: Actor | null, name: string, role: unknown, passphrase: string): Promise<UserListing> {
    const problem = userNameProblem(name) ?? (isRole(role) ? null : `the role must be one of sales, operations, manager, admin`) ?? passphraseProblem(passphrase);
    if (problem) throw new AuthError('bad_input', problem);
    const first = await this.singleUserMode();
    if (first && role !== 'admin') throw new AuthError('refused', 'the first user must be an admin');
    if (!first) this.requireAdmin(actor, 'add users');
    const skeleton = nameSkeleton(name);
    // The same name in another case is refused by the store ("exists already"); this is the look-alike.
    const alike = (await this.store.listUsers()).find((u) => nameKey(u.name) !== nameKey(name) && nameSkeleton(u.name) === skeleton);
    if (alike) throw new AuthError('refused', `the name ${JSON.stringify(name)} looks like the existing user ${JSON.stringify(alike.name)} (confusable characters or case)`);
    const keys = await generateUserKeys(passphrase, this.cost);
    const r = await this.store.addUser(
      { name, role: role as Role, passHash: await hashPassphrase(passphrase, this.cost), ...keys },
      first ? (actor?.name ?? 'local') : actor!.name,
      { onlyIfNoUsers: first, at: this.now().toISOString() },
    );
    if (!r.ok) throw new AuthError('refused', r.message);
    return this.listing(r.user);
  }

  async disableUser(actor: Actor, name: string, disabled = true): Promise<UserListing> {
    this.requireAdmin(actor, disabled ? 'disable users' : 'enable users');
    const r = await this.store.setDisabled(name, disabled, actor.name, this.now().toISOString());
    if (!r.ok) throw new AuthError(r.reason === 'not_found' ? 'unknown_user' : 'refused', r.message);
    return this.listing(r.user);
  }

  async setRole(actor: Actor, name: string, role: unknown): Promise<UserListing> {
    this.requireAdmin(actor, 'change roles');
    if (!isRole(role)) throw new AuthError('bad_input', 'the role must be one of sales, operations, manager, admin');
    const r = await this.store.setRole(name, role, actor.name, this.now().toISOString());
    if (!r.ok) throw new AuthError(r.reason === 'not_found' ? 'unknown_user' : 'refused', r.message);
    return this.listing(r.user);
  }

  /**
   * A user changing their own passphrase gives the current one, and the same key is re-encrypted.
   * An admin resetting someone else's cannot open that key: the user gets a new key pair, and the
   * old key stays known here so that what it signed still verifies.
   */
  async changePassphrase(actor: Actor, name: string, newPassphrase: string, currentPassphrase?: string, source: string = APP_SOURCE): Promise<{ user: UserListing; newKey: boolean }> {
    const problem = passphraseProblem(newPassphrase);
    if (problem) throw new AuthError('bad_input', problem);
    const user = await this.store.getUser(name);
    if (!user) throw new AuthError('unknown_user', `no user named ${name}`);
    const self = actor.name === user.name;
    if (!self) this.requireAdmin(actor, "change another user's passphrase");
    const passHash = await hashPassphrase(newPassphrase, this.cost);
    let credentials;
    if (self) {
      // A guess at the current passphrase is a guess like any other: counted and throttled.
      if (currentPassphrase === undefined) throw new AuthError('wrong_passphrase', `the current passphrase for ${user.name} is needed`);
      await this.countAttempt(user.name, source);
      if (!(await verifyPassphrase(currentPassphrase, user.passHash))) throw new AuthError('wrong_passphrase', `the current passphrase for ${user.name} is not correct`);
      credentials = { passHash, publicKey: user.publicKey, encryptedPrivateKey: await reencryptPrivateKey(user.encryptedPrivateKey, user.publicKey, currentPassphrase, newPassphrase, this.cost) };
    } else {
      credentials = { passHash, ...(await generateUserKeys(newPassphrase, this.cost)) };
    }
    const r = await this.store.setCredentials(user.name, credentials, actor.name, this.now().toISOString());
    if (!r.ok) throw new AuthError('refused', r.message);
    if (self) await this.store.clearSignInAttempts(user.name, source);
    return { user: this.listing(r.user), newKey: !self };
  }

  /** Every key `name` has had here, current last; for verify. */
  async signerKeys(name: string): Promise<string[]> {
    const keys = await this.store.signerKeys(name);
    return [...keys.filter((k) => k.retiredAt !== null), ...keys.filter((k) => k.retiredAt === null)].map((k) => k.publicKey);
  }

  private requireAdmin(actor: Actor | null, what: string): void {
    if (!actor || !permits(actor, 'users:administer')) throw new AuthError('forbidden', `only an admin may ${what}${actor ? ` (${actor.name} is ${actor.role})` : ''}`);
  }

  private listing(u: UserRecord): UserListing {
    return { name: u.name, role: u.role, disabled: u.disabled, fingerprint: fingerprint(u.publicKey), createdAt: u.createdAt };
  }
}
