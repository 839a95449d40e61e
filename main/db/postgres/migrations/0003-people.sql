-- People and signed summaries (promises.md): users (unique ignoring case through name_lower), every
-- key a user has had (a replaced key is retired, not forgotten), the installation key of
-- single-user mode, sign-in failures (throttling survives restarts), who changed whom, and each
-- confirmed promise's signed summary per copy, kept as the exact text that was signed.

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  name_lower text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('sales', 'operations', 'manager', 'admin')),
  disabled boolean NOT NULL DEFAULT false,
  pass_hash text NOT NULL,
  public_key text NOT NULL,
  private_key jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);

CREATE TABLE user_keys (
  public_key text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  retired_at timestamptz
);
CREATE INDEX user_keys_by_user ON user_keys (user_id);

CREATE TABLE installation_key (
  id integer PRIMARY KEY CHECK (id = 1),
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE sign_in_failures (
  name_lower text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures > 0),
  last_failure_at timestamptz NOT NULL
);

CREATE TABLE user_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL CHECK (action IN ('add', 'disable', 'enable', 'role', 'passphrase', 'reset')),
  target text NOT NULL,
  detail text
);

CREATE TABLE summaries (
  promise_id text NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  copy text NOT NULL CHECK (copy IN ('customer', 'internal')),
  json text NOT NULL,
  signed_by text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (promise_id, copy)
);
