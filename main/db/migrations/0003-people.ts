import type { Database } from 'better-sqlite3';

/**
 * People and signed summaries (`promises.md`).
 *
 * - `users`: name (unique ignoring case through `name_lower`), role, a scrypt passphrase hash, the
 *   raw Ed25519 public key and the private key encrypted under the passphrase (JSON).
 * - `user_keys`: every public key a user has had; a key replaced by an admin's passphrase reset is
 *   retired, not forgotten, so what it signed still verifies as that user's.
 * - `installation_key`: the single-user mode key (signer `local`, role `admin`), kept unencrypted
 *   and kept after users are added so that what it signed stays known.
 * - `sign_in_failures`: consecutive wrong passphrases per name, so throttling survives restarts
 *   and separate command-line runs.
 * - `user_events`: who added, disabled or changed whom.
 * - `summaries`: each confirmed promise's signed summary JSON, per copy.
 */
export const version = 3;
export const name = 'people';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      name_lower TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('sales', 'operations', 'manager', 'admin')),
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      pass_hash TEXT NOT NULL,
      public_key TEXT NOT NULL,
      private_key_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE user_keys (
      public_key TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users (id),
      created_at TEXT NOT NULL,
      retired_at TEXT
    ) STRICT;
    CREATE INDEX user_keys_by_user ON user_keys (user_id);

    CREATE TABLE installation_key (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      public_key TEXT NOT NULL,
      private_key TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sign_in_failures (
      name_lower TEXT PRIMARY KEY,
      failures INTEGER NOT NULL CHECK (failures > 0),
      last_failure_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE user_events (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('add', 'disable', 'enable', 'role', 'passphrase', 'reset')),
      target TEXT NOT NULL,
      detail TEXT
    ) STRICT;

    CREATE TABLE summaries (
      promise_id TEXT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
      copy TEXT NOT NULL CHECK (copy IN ('customer', 'internal')),
      json TEXT NOT NULL,
      signed_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (promise_id, copy)
    ) STRICT;
  `);
}
