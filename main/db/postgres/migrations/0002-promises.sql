-- Promises, what they hold, their history and approvals; the hold log other processes follow.
--
-- Promise numbers and the confirm order come from sequences (a counter row would serialize every
-- writer). Hours are held as integers of 1/10,000 h. Every change of holds adds one `hold_log`
-- row under the next `hold_version` (one row, updated last in the transaction so the log stays
-- contiguous); NULL deltas mean "rebuild" (an import, an edit). The insert notifies listeners.

CREATE SEQUENCE promise_number;
CREATE SEQUENCE order_seq;

CREATE TABLE promises (
  id text PRIMARY KEY,
  status text NOT NULL CHECK (status IN
    ('draft', 'awaiting_approval', 'confirmed', 'rejected', 'cancelled', 'fulfilled', 'expired')),
  customer text NOT NULL,
  region text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('standard', 'express')),
  request jsonb NOT NULL,
  result jsonb NOT NULL,
  as_of date NOT NULL,
  data_version text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  submitted_at timestamptz,
  confirmed_at timestamptz,
  hold_expires_at timestamptz,
  at_risk boolean NOT NULL DEFAULT false,
  risk_reasons jsonb NOT NULL DEFAULT '[]',
  order_seq bigint UNIQUE
);
CREATE INDEX promises_by_status ON promises (status, order_seq);
CREATE INDEX promises_expiring ON promises (hold_expires_at) WHERE status = 'awaiting_approval';

CREATE TABLE promise_holds (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  promise_id text NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  line integer NOT NULL,
  type text NOT NULL CHECK (type IN ('goods', 'hours')),
  sku text,
  resource_id text,
  date date NOT NULL,
  qty bigint,
  use text CHECK (use IN ('finished', 'component')),
  regular_e4 bigint,
  overtime_e4 bigint,
  CHECK ((type = 'goods' AND sku IS NOT NULL AND qty IS NOT NULL AND use IS NOT NULL)
      OR (type = 'hours' AND resource_id IS NOT NULL AND regular_e4 IS NOT NULL AND overtime_e4 IS NOT NULL))
);
CREATE INDEX promise_holds_by_promise ON promise_holds (promise_id);
CREATE INDEX promise_holds_by_resource ON promise_holds (resource_id, date) WHERE type = 'hours';

CREATE TABLE promise_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  promise_id text NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  comment text
);
CREATE INDEX promise_events_by_promise ON promise_events (promise_id);

CREATE TABLE approvals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  promise_id text NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  role text NOT NULL,
  approved_by text NOT NULL,
  at timestamptz NOT NULL,
  comment text,
  decision text NOT NULL CHECK (decision IN ('approved', 'rejected'))
);
CREATE INDEX approvals_by_promise ON approvals (promise_id);

-- A change retried after a lost connection (an in-doubt COMMIT) finds its key here and is not
-- applied twice.
CREATE TABLE applied_changes (
  idempotency_key text PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  outcome jsonb NOT NULL
);

CREATE TABLE hold_version (
  id integer PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO hold_version (id, version) VALUES (1, 0);

CREATE TABLE hold_log (
  version bigint PRIMARY KEY,
  added jsonb,
  released jsonb
);

CREATE FUNCTION notify_hold_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('promise_desk_holds', NEW.version::text);
  RETURN NEW;
END $$;
CREATE TRIGGER hold_log_notify AFTER INSERT ON hold_log FOR EACH ROW EXECUTE FUNCTION notify_hold_log();
