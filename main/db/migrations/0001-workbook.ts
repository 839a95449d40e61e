import type { Database } from 'better-sqlite3';

/**
 * The operations tables, one per workbook table, and the import history.
 *
 * Cells are stored as the shared schemas output them: decimals as canonical TEXT ("7.5"), whole
 * numbers as INTEGER, an empty cell as NULL (so that export writes it back empty and it keeps
 * following its default). `position` keeps the rows in their import order. No foreign keys between
 * these tables: an import replaces all of them at once and the workbook rules check references.
 */
export const version = 1;
export const name = 'workbook';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE calendars (
      position INTEGER PRIMARY KEY,
      calendar_id TEXT NOT NULL UNIQUE,
      mon TEXT NOT NULL, tue TEXT NOT NULL, wed TEXT NOT NULL, thu TEXT NOT NULL,
      fri TEXT NOT NULL, sat TEXT NOT NULL, sun TEXT NOT NULL
    ) STRICT;
    CREATE TABLE calendar_exceptions (
      position INTEGER PRIMARY KEY,
      calendar_id TEXT NOT NULL,
      date_from TEXT NOT NULL,
      date_to TEXT NOT NULL,
      hours TEXT NOT NULL,
      note TEXT,
      UNIQUE (calendar_id, date_from)
    ) STRICT;
    CREATE TABLE resources (
      position INTEGER PRIMARY KEY,
      resource_id TEXT NOT NULL UNIQUE,
      name TEXT,
      calendar_id TEXT NOT NULL,
      cost_per_hour TEXT NOT NULL,
      overtime_hours_per_day TEXT,
      overtime_cost_per_hour TEXT
    ) STRICT;
    CREATE TABLE resource_load (
      position INTEGER PRIMARY KEY,
      resource_id TEXT NOT NULL,
      date TEXT NOT NULL,
      hours TEXT NOT NULL
    ) STRICT;
    CREATE TABLE products (
      position INTEGER PRIMARY KEY,
      sku TEXT NOT NULL UNIQUE,
      name TEXT,
      unit TEXT,
      supply TEXT NOT NULL CHECK (supply IN ('make', 'buy')),
      lead_time_days INTEGER,
      purchase_cost TEXT,
      list_price TEXT,
      min_margin_pct TEXT
    ) STRICT;
    CREATE TABLE routings (
      position INTEGER PRIMARY KEY,
      sku TEXT NOT NULL,
      resource_id TEXT NOT NULL,
      hours_per_unit TEXT NOT NULL,
      UNIQUE (sku, resource_id)
    ) STRICT;
    CREATE TABLE bom (
      position INTEGER PRIMARY KEY,
      sku TEXT NOT NULL,
      component_sku TEXT NOT NULL,
      qty_per_unit INTEGER NOT NULL,
      UNIQUE (sku, component_sku)
    ) STRICT;
    CREATE TABLE inventory (
      position INTEGER PRIMARY KEY,
      sku TEXT NOT NULL UNIQUE,
      on_hand INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE receipts (
      position INTEGER PRIMARY KEY,
      sku TEXT NOT NULL,
      date TEXT NOT NULL,
      qty INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE orders (
      position INTEGER PRIMARY KEY,
      order_id TEXT NOT NULL,
      sku TEXT NOT NULL,
      dispatch_date TEXT NOT NULL,
      qty INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE lanes (
      position INTEGER PRIMARY KEY,
      region TEXT NOT NULL,
      mode TEXT NOT NULL CHECK (mode IN ('standard', 'express')),
      transit_days INTEGER NOT NULL,
      dispatch_calendar_id TEXT NOT NULL,
      cost_per_unit TEXT NOT NULL,
      cost_per_shipment TEXT,
      UNIQUE (region, mode)
    ) STRICT;
    CREATE TABLE policy (
      position INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      value TEXT NOT NULL
    ) STRICT;

    -- AUTOINCREMENT: an id is never reused, so a data version names one import for good.
    CREATE TABLE imports (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      source TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      row_counts_json TEXT NOT NULL,
      user TEXT NOT NULL
    ) STRICT;
  `);
}
