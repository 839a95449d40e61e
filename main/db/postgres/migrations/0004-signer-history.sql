-- What verify needs to judge a signature by the signer's standing when they signed, and sign-in
-- throttling per name and source (mirrors SQLite migration 0006, main/db/migrations/0006-signer-history.ts).
-- user_states: every role and enabled/disabled state a user has had, each from from_at until the
-- next row of that user (seq orders them). Existing users get their role at creation (from the
-- 'add' event) and, when it differs, their role and state now from their last change.
-- sign_in_attempts replaces sign_in_failures: attempts since the last success per lower-case name
-- and source (cli:<os user>, app, web), counted before the passphrase is checked.

CREATE TABLE user_states (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  from_at timestamptz NOT NULL,
  role text NOT NULL CHECK (role IN ('sales', 'operations', 'manager', 'admin')),
  disabled boolean NOT NULL
);
CREATE INDEX user_states_by_user ON user_states (user_id, seq);

INSERT INTO user_states (user_id, from_at, role, disabled)
SELECT u.id, u.created_at, coalesce((SELECT e.detail FROM user_events e WHERE e.target = u.name AND e.action = 'add' ORDER BY e.id LIMIT 1), u.role), false
FROM users u ORDER BY u.id;

INSERT INTO user_states (user_id, from_at, role, disabled)
SELECT u.id, coalesce((SELECT max(e.at) FROM user_events e WHERE e.target = u.name AND e.action IN ('role', 'disable', 'enable')), u.created_at), u.role, u.disabled
FROM users u
WHERE u.disabled OR u.role <> coalesce((SELECT e.detail FROM user_events e WHERE e.target = u.name AND e.action = 'add' ORDER BY e.id LIMIT 1), u.role)
ORDER BY u.id;

CREATE TABLE sign_in_attempts (
  name_lower text NOT NULL,
  source text NOT NULL,
  attempts integer NOT NULL CHECK (attempts > 0),
  last_attempt_at timestamptz NOT NULL,
  PRIMARY KEY (name_lower, source)
);
DROP TABLE sign_in_failures;
