-- The operations tables (one per workbook table, the columns of shared/schemas), the import
-- history and the capacity pools that changes of promises lock.
--
-- Cells are stored as the shared schemas output them: decimals as canonical text ('7.5'), whole
-- numbers as bigint, dates as date, an empty cell as NULL. `position` keeps the import order.
-- No foreign keys between these tables: an import replaces all of them and the workbook rules
-- check references.

CREATE TABLE calendars (
  position integer PRIMARY KEY,
  calendar_id text NOT NULL UNIQUE,
  mon text NOT NULL, tue text NOT NULL, wed text NOT NULL, thu text NOT NULL,
  fri text NOT NULL, sat text NOT NULL, sun text NOT NULL
);
CREATE TABLE calendar_exceptions (
  position integer PRIMARY KEY,
  calendar_id text NOT NULL,
  date_from date NOT NULL,
  date_to date NOT NULL,
  hours text NOT NULL,
  note text,
  UNIQUE (calendar_id, date_from)
);
CREATE TABLE resources (
  position integer PRIMARY KEY,
  resource_id text NOT NULL UNIQUE,
  name text,
  calendar_id text NOT NULL,
  cost_per_hour text NOT NULL,
  overtime_hours_per_day text,
  overtime_cost_per_hour text
);
CREATE TABLE resource_load (
  position integer PRIMARY KEY,
  resource_id text NOT NULL,
  date date NOT NULL,
  hours text NOT NULL
);
CREATE TABLE products (
  position integer PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  name text,
  unit text,
  supply text NOT NULL CHECK (supply IN ('make', 'buy')),
  lead_time_days bigint,
  purchase_cost text,
  list_price text,
  min_margin_pct text
);
CREATE TABLE routings (
  position integer PRIMARY KEY,
  sku text NOT NULL,
  resource_id text NOT NULL,
  hours_per_unit text NOT NULL,
  UNIQUE (sku, resource_id)
);
CREATE TABLE bom (
  position integer PRIMARY KEY,
  sku text NOT NULL,
  component_sku text NOT NULL,
  qty_per_unit bigint NOT NULL,
  UNIQUE (sku, component_sku)
);
CREATE TABLE inventory (
  position integer PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  on_hand bigint NOT NULL
);
CREATE TABLE receipts (
  position integer PRIMARY KEY,
  sku text NOT NULL,
  date date NOT NULL,
  qty bigint NOT NULL
);
CREATE TABLE orders (
  position integer PRIMARY KEY,
  order_id text NOT NULL,
  sku text NOT NULL,
  dispatch_date date NOT NULL,
  qty bigint NOT NULL
);
CREATE TABLE lanes (
  position integer PRIMARY KEY,
  region text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('standard', 'express')),
  transit_days bigint NOT NULL,
  dispatch_calendar_id text NOT NULL,
  cost_per_unit text NOT NULL,
  cost_per_shipment text,
  UNIQUE (region, mode)
);
CREATE TABLE policy (
  position integer PRIMARY KEY,
  key text NOT NULL UNIQUE,
  value text NOT NULL
);

-- An identity is never reused, so a data version names one import for good.
CREATE TABLE imports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  source text NOT NULL,
  sha256 text NOT NULL,
  row_counts jsonb NOT NULL,
  actor text NOT NULL
);

-- Every import and every save of edits, and each row it added, removed or changed.
CREATE TABLE table_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id bigint NOT NULL UNIQUE REFERENCES imports (id),
  kind text NOT NULL CHECK (kind IN ('import', 'edit')),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  source text NOT NULL,
  data_version text NOT NULL,
  added integer NOT NULL,
  changed integer NOT NULL,
  removed integer NOT NULL
);
CREATE INDEX table_changes_by_actor ON table_changes (actor, id);
CREATE TABLE table_change_rows (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  change_id bigint NOT NULL REFERENCES table_changes (id) ON DELETE CASCADE,
  table_name text NOT NULL,
  row_key text NOT NULL,
  op text NOT NULL CHECK (op IN ('add', 'change', 'remove')),
  row_data jsonb,
  fields jsonb,
  CHECK ((op = 'change' AND fields IS NOT NULL) OR (op <> 'change' AND row_data IS NOT NULL))
);
CREATE INDEX table_change_rows_by_change ON table_change_rows (change_id);
CREATE INDEX table_change_rows_by_table_key ON table_change_rows (table_name, row_key);

-- One row per capacity pool (a resource's hours, a SKU's stock): a change of promises locks the
-- rows of the pools its check reads, in sorted order, until it commits. (The plant as a whole is
-- locked with a transaction advisory lock: shared by changes of promises, exclusive for imports
-- and saves of edits.)
CREATE TABLE capacity_pools (
  kind text NOT NULL CHECK (kind IN ('goods', 'hours')),
  pool_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (kind, pool_id)
);
