/**
 * Storage of people, keys, sign-in throttling and signed summaries: whole operations, each one
 * transaction, async like `Store` so that another backend can implement the same interface.
 */
import type { EncryptedPrivateKey } from '../people/keys';
import type { Role } from '../people/roles';
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

export interface SignInFailures {
  failures: number;
  lastFailureAt: string;
}

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
  signInFailures(name: string): Promise<SignInFailures | null>;
  /** Counts one more consecutive failure; returns the count. */
  recordSignInFailure(name: string, at: string): Promise<number>;
  clearSignInFailures(name: string): Promise<void>;
  getSummary(promiseId: string, copy: Copy): Promise<SummaryRow | null>;
}
