/**
 * Storage of people, keys, sign-in throttling and signed summaries: whole operations, each one
 * transaction, async like `Store` so that another backend can implement the same interface.
 */
import type { EncryptedPrivateKey } from '../people/keys';
import type { Role } from '../../shared/rules/roles';
import type { Copy } from '../summary/summary-types';

export interface UserRecord {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
  passHash: string;
  publicKey: string;
  encryptedPrivateKey: EncryptedPrivateKey;
  createdAt: string;
  createdBy: string;
}

export interface Credentials {
  passHash: string;
  publicKey: string;
  encryptedPrivateKey: EncryptedPrivateKey;
}

export interface NewUser extends Credentials {
  name: string;
  role: Role;
}

export type UserChange =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: 'exists' | 'not_found' | 'users_exist' | 'last_admin'; message: string };

export interface SignerKey {
  publicKey: string;
  /** When an admin's reset replaced it; null while in use. */
  retiredAt: string | null;
}

/** A user's role and state from `from` on, until the next one (`user_states`). */
export interface UserState {
  from: string;
  role: Role;
  disabled: boolean;
}

/** What verify needs to judge a signature by the signer's standing when they signed. */
export interface SignerHistory {
  /** Every key, oldest first; `retiredAt` null while in use. */
  keys: { publicKey: string; createdAt: string; retiredAt: string | null }[];
  /** Roles and states, oldest first. */
  states: UserState[];
}

export interface SignInAttempts {
  /** Attempts since the last success (each counted before its passphrase is checked). */
  attempts: number;
  lastAttemptAt: string;
}

/** Counting an attempt: refused (not counted) while the wait after earlier attempts lasts. */
export type AttemptAnswer = { counted: true; attempts: number } | { counted: false; waitSeconds: number; attempts: number };

export interface SummaryRow {
  copy: Copy;
  json: string;
  signedBy: string;
}

export interface PeopleStore {
  /** Users, disabled ones included: 0 means single-user mode. */
  userCount(): Promise<number>;
  /** By name, ignoring case. */
  getUser(name: string): Promise<UserRecord | null>;
  /**
   * The user as a signed-in session checks it on every request: the row, or one a server instance
   * kept while it hears of every change to users (PostgreSQL; SQLite reads it).
   */
  activeUser(name: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  /** `onlyIfNoUsers`: the first user, added without an admin (refused if someone was quicker). */
  addUser(user: NewUser, actor: string, opts?: { onlyIfNoUsers?: boolean; at?: string }): Promise<UserChange>;
  /** Refused when it would leave no enabled admin. */
  setDisabled(name: string, disabled: boolean, actor: string, at?: string): Promise<UserChange>;
  /** Refused when it would leave no enabled admin. */
  setRole(name: string, role: Role, actor: string, at?: string): Promise<UserChange>;
  /** New passphrase hash and key; a different public key retires the old one (it stays known). */
  setCredentials(name: string, credentials: Credentials, actor: string, at?: string): Promise<UserChange>;
  /** The installation's key (signer `local`), made on first use and kept. */
  installationKey(): Promise<{ publicKey: string; privateKey: string }>;
  /** Every key a signer has had here: `local` is the installation key. Empty for an unknown name. */
  signerKeys(name: string): Promise<SignerKey[]>;
  /** Signer history for verify: null for a name that is no user here (`local` included). */
  signerHistory(name: string): Promise<SignerHistory | null>;
  /** When the first user was added (single-user mode ended), null while there is none. */
  firstUserAt(): Promise<string | null>;
  signInAttempts(name: string, source: string): Promise<SignInAttempts | null>;
  /**
   * In one transaction: unless `waitSeconds(attempts)` after the last attempt has not yet passed
   * (then refused, not counted), counts one more attempt for this name and source.
   */
  countSignInAttempt(name: string, source: string, at: string, waitSeconds: (attempts: number) => number): Promise<AttemptAnswer>;
  clearSignInAttempts(name: string, source: string): Promise<void>;
  getSummary(promiseId: string, copy: Copy): Promise<SummaryRow | null>;
}
