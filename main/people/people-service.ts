/**
 * Users and signing in (`promises.md`, People and roles). A signed-in `Actor` carries the user's
 * private key, opened with the passphrase, so that a promise confirmed by that actor can be signed
 * there and then. With no users the database is in single-user mode: the actor is `local`, an
 * admin whose summaries are signed with the installation key.
 */
import type { KeyObject } from 'node:crypto';
import type { PeopleStore, UserRecord } from '../db/people-store';
import { decryptPrivateKey, fingerprint, generateUserKeys, privateKeyFromRaw, reencryptPrivateKey } from './keys';
import { DEFAULT_SCRYPT_COST, hashPassphrase, passphraseProblem, userNameProblem, verifyPassphrase, type ScryptCost } from './passphrase';
import { isRole, mayAdministerUsers, type Role } from './roles';

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

/** Wrong passphrases allowed before each further try must wait; the wait doubles up to the cap. */
export const FREE_ATTEMPTS = 3;
const MAX_WAIT_S = 15 * 60;

/** Seconds to wait after `failures` consecutive wrong passphrases (0 while under the free tries). */
export function throttleSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_S, 2 ** (failures - FREE_ATTEMPTS + 1));
}

export interface PeopleServiceOptions {
  now?: () => Date;
  /** scrypt cost of new hashes and keys (tests lower it to stay quick). */
  scryptCost?: ScryptCost;
}

export class PeopleService {
  private readonly now: () => Date;
  private readonly cost: ScryptCost;
  /** A hash to verify against for unknown names, so they take as long as known ones. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    readonly store: PeopleStore,
    opts: PeopleServiceOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.cost = opts.scryptCost ?? DEFAULT_SCRYPT_COST;
  }

  async singleUserMode(): Promise<boolean> {
    return (await this.store.userCount()) === 0;
  }

  /** The single-user mode actor; refused once users exist. */
  async localActor(): Promise<Actor> {
    if (!(await this.singleUserMode())) throw new AuthError('needs_user', 'users exist in this database: name one with --user and give the passphrase');
    const k = await this.store.installationKey();
    return { name: 'local', role: 'admin', privateKey: privateKeyFromRaw(k.privateKey, k.publicKey), publicKey: k.publicKey };
  }

  /** Checks the passphrase (throttled after repeated failures) and opens the user's key. */
  async signIn(name: string, passphrase: string): Promise<Actor> {
    const failures = await this.store.signInFailures(name);
    if (failures) {
      const wait = throttleSeconds(failures.failures);
      const left = Math.ceil(wait - (this.now().getTime() - Date.parse(failures.lastFailureAt)) / 1000);
      if (left > 0) throw new AuthError('throttled', `too many wrong passphrases for ${name}: try again in ${left} s`);
    }
    const user = await this.store.getUser(name);
    if (!user) {
      this.dummyHash ??= hashPassphrase('not a passphrase anyone has', this.cost);
      await verifyPassphrase(passphrase, await this.dummyHash);
      await this.store.recordSignInFailure(name, this.now().toISOString());
      throw new AuthError('unknown_user', `no user named ${name}`);
    }
    if (!(await verifyPassphrase(passphrase, user.passHash))) {
      await this.store.recordSignInFailure(name, this.now().toISOString());
      throw new AuthError('wrong_passphrase', `the passphrase for ${user.name} is not correct`);
    }
    if (user.disabled) throw new AuthError('disabled', `${user.name} is disabled and can no longer act`);
    await this.store.clearSignInFailures(name);
    return { name: user.name, role: user.role, privateKey: await decryptPrivateKey(user.encryptedPrivateKey, user.publicKey, passphrase), publicKey: user.publicKey };
  }

  /**
   * Who acts: `local` in single-user mode, else the named user with the passphrase. `passphrase`
   * is asked for only when users exist and a name was given; it returns null when it cannot ask.
   */
  async resolveActor(name: string | undefined, passphrase: () => Promise<string | null>): Promise<Actor> {
    if (await this.singleUserMode()) return this.localActor();
    if (!name) throw new AuthError('needs_user', 'users exist in this database: name who acts with --user NAME');
    const p = await passphrase();
    if (p === null) throw new AuthError('needs_user', `no passphrase for ${name}: set PROMISE_PASSPHRASE or run this in a terminal`);
    return this.signIn(name, p);
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
  async changePassphrase(actor: Actor, name: string, newPassphrase: string, currentPassphrase?: string): Promise<{ user: UserListing; newKey: boolean }> {
    const problem = passphraseProblem(newPassphrase);
    if (problem) throw new AuthError('bad_input', problem);
    const user = await this.store.getUser(name);
    if (!user) throw new AuthError('unknown_user', `no user named ${name}`);
    const self = actor.name === user.name;
    if (!self) this.requireAdmin(actor, "change another user's passphrase");
    const passHash = await hashPassphrase(newPassphrase, this.cost);
    let credentials;
    if (self) {
      if (currentPassphrase === undefined || !(await verifyPassphrase(currentPassphrase, user.passHash))) throw new AuthError('wrong_passphrase', `the current passphrase for ${user.name} is not correct`);
      credentials = { passHash, publicKey: user.publicKey, encryptedPrivateKey: await reencryptPrivateKey(user.encryptedPrivateKey, user.publicKey, currentPassphrase, newPassphrase, this.cost) };
    } else {
      credentials = { passHash, ...(await generateUserKeys(newPassphrase, this.cost)) };
    }
    const r = await this.store.setCredentials(user.name, credentials, actor.name, this.now().toISOString());
    if (!r.ok) throw new AuthError('refused', r.message);
    if (self) await this.store.clearSignInFailures(user.name);
    return { user: this.listing(r.user), newKey: !self };
  }

  /** Every key `name` has had here, current last; for verify. */
  async signerKeys(name: string): Promise<string[]> {
    const keys = await this.store.signerKeys(name);
    return [...keys.filter((k) => k.retiredAt !== null), ...keys.filter((k) => k.retiredAt === null)].map((k) => k.publicKey);
  }

  private requireAdmin(actor: Actor | null, what: string): void {
    if (!actor || !mayAdministerUsers(actor.role)) throw new AuthError('forbidden', `only an admin may ${what}${actor ? ` (${actor.name} is ${actor.role})` : ''}`);
  }

  private listing(u: UserRecord): UserListing {
    return { name: u.name, role: u.role, disabled: u.disabled, fingerprint: fingerprint(u.publicKey), createdAt: u.createdAt };
  }
}
