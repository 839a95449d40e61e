import type { Database } from 'better-sqlite3';

/**
 * Promises, what they hold, their history and approvals, and `meta` counters.
 *
 * `order_seq` is the order in which promises were confirmed or submitted: revalidation replans
 * open promises in that order. Hours are held as integers of 1/10,000 h so holds add up exactly.
 * `meta.holds_version` is bumped by every change of holds (and by every import), so that a process
 * holding a model in memory can tell that another one changed it.
 */
export const version = 2;
export const name = 'promises';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE promises (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN
        ('draft', 'awaiting_approval', 'confirmed', 'rejected', 'cancelled', 'fulfilled', 'expired')),
      customer TEXT NOT NULL,
      region TEXT NOT NULL,
      mode TEXT NOT NULL CHECK (mode IN ('standard', 'express')),
      request_json TEXT NOT NULL,
      result_json TEXT NOT NULL,
      as_of TEXT NOT NULL,
      data_version TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      submitted_at TEXT,
      confirmed_at TEXT,
      hold_expires_at TEXT,
      at_risk INTEGER NOT NULL DEFAULT 0 CHECK (at_risk IN (0, 1)),
      risk_reasons_json TEXT NOT NULL DEFAULT '[]',
      order_seq INTEGER UNIQUE
    ) STRICT;
    CREATE INDEX promises_by_status ON promises (status, order_seq);

    CREATE TABLE promise_holds (
      promise_id TEXT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
      line INTEGER NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('goods', 'hours')),
      sku TEXT,
      resource_id TEXT,
      date TEXT NOT NULL,
      qty INTEGER,
      use TEXT CHECK (use IN ('finished', 'component')),
      regular_e4 INTEGER,
      overtime_e4 INTEGER,
      CHECK ((type = 'goods' AND sku IS NOT NULL AND qty IS NOT NULL AND use IS NOT NULL)
          OR (type = 'hours' AND resource_id IS NOT NULL AND regular_e4 IS NOT NULL AND overtime_e4 IS NOT NULL))
    ) STRICT;
    CREATE INDEX promise_holds_by_promise ON promise_holds (promise_id);

    CREATE TABLE promise_events (
      id INTEGER PRIMARY KEY,
      promise_id TEXT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      user TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT NOT NULL,
      comment TEXT
    ) STRICT;
    CREATE INDEX promise_events_by_promise ON promise_events (promise_id);

    CREATE TABLE approvals (
      id INTEGER PRIMARY KEY,
      promise_id TEXT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
      role TEXT NOT NULL,
      approved_by TEXT NOT NULL,
      at TEXT NOT NULL,
      comment TEXT,
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected'))
    ) STRICT;
    CREATE INDEX approvals_by_promise ON approvals (promise_id);

    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    ) STRICT;
    INSERT INTO meta (key, value) VALUES ('holds_version', 0), ('promise_number', 0), ('order_seq', 0);
  `);
}
