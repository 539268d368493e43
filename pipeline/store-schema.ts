/**
 * The SQLite schema: normalised tables with foreign keys (deleting a source cascades to everything
 * read from it) and the views analysts query directly. `user_version` records the schema version so
 * a later release can migrate an existing database instead of failing on it.
 */
export const STORE_VERSION = 1;

export const SCHEMA_SQL = `
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS sources (
  id          TEXT PRIMARY KEY,              -- first 16 hex digits of sha256
  sha256      TEXT NOT NULL UNIQUE,
  path        TEXT NOT NULL,                 -- as given on the command line
  media_type  TEXT NOT NULL,
  extractor   TEXT NOT NULL,
  pages       INTEGER,
  ingested_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS jurisdictions (
  id         INTEGER PRIMARY KEY,
  name       TEXT,
  code       TEXT,
  level      TEXT CHECK (level IN ('province', 'prefecture', 'county')),
  province   TEXT,
  prefecture TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS jurisdictions_identity ON jurisdictions (ifnull(code, ''), ifnull(name, ''));

CREATE TABLE IF NOT EXISTS documents (
  id              TEXT PRIMARY KEY,
  source_id       TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  title           TEXT NOT NULL,
  doc_type        TEXT NOT NULL,
  year            INTEGER,
  adopted_date    TEXT,
  published_date  TEXT,
  jurisdiction_id INTEGER REFERENCES jurisdictions(id)
);
CREATE INDEX IF NOT EXISTS documents_source ON documents (source_id);
CREATE INDEX IF NOT EXISTS documents_jurisdiction_year ON documents (jurisdiction_id, year);

CREATE TABLE IF NOT EXISTS document_warnings (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  code        TEXT NOT NULL,
  message     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS document_warnings_document ON document_warnings (document_id);

CREATE TABLE IF NOT EXISTS sections (
  document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  path           TEXT NOT NULL,
  title          TEXT NOT NULL,
  declared_count INTEGER,
  item_count     INTEGER NOT NULL,
  PRIMARY KEY (document_id, path)
);

CREATE TABLE IF NOT EXISTS items (
  id             TEXT PRIMARY KEY,
  document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  path           TEXT NOT NULL,
  number         TEXT,
  text           TEXT NOT NULL,
  kind           TEXT NOT NULL,
  kinds          TEXT NOT NULL,              -- JSON array, every act mentioned
  committee_raw  TEXT,
  committee_key  TEXT,
  organ          TEXT,
  page           INTEGER,
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  confidence     REAL NOT NULL,
  rule           TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_document ON items (document_id);
CREATE INDEX IF NOT EXISTS items_kind ON items (kind);
CREATE INDEX IF NOT EXISTS items_committee ON items (committee_key);

CREATE TABLE IF NOT EXISTS item_months (
  item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  month   INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  PRIMARY KEY (item_id, month)
);
CREATE INDEX IF NOT EXISTS item_months_month ON item_months (month);

CREATE TABLE IF NOT EXISTS item_laws (
  item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  law     TEXT NOT NULL,
  PRIMARY KEY (item_id, law)
);
CREATE INDEX IF NOT EXISTS item_laws_law ON item_laws (law);
`;

/**
 * Views are derived, so they are dropped and recreated on every open: a newer renda can change a
 * view without a migration.
 */
export const VIEW_NAMES = ['v_items', 'v_documents', 'v_kind_counts', 'v_month_kind', 'v_committee_kind', 'v_law_checks'] as const;

export const VIEWS_SQL = `
-- Every item with its document, jurisdiction and source: the view most questions start from.
CREATE VIEW v_items AS
SELECT i.id AS item_id, i.path, i.number, i.kind, i.kinds, i.text, i.committee_key, i.committee_raw,
       i.organ, i.page, i.confidence, i.rule,
       d.id AS document_id, d.title AS document_title, d.doc_type, d.year,
       j.name AS jurisdiction, j.code AS jurisdiction_code, j.level, j.province, j.prefecture,
       s.path AS source_path, s.id AS source_id
FROM items i
JOIN documents d ON d.id = i.document_id
JOIN sources s ON s.id = d.source_id
LEFT JOIN jurisdictions j ON j.id = d.jurisdiction_id;

-- One row per document, with its jurisdiction, source and counts.
CREATE VIEW v_documents AS
SELECT d.id AS document_id, d.title, d.doc_type, d.year, d.adopted_date, d.published_date,
       j.name AS jurisdiction, j.code AS jurisdiction_code, j.level, j.province, j.prefecture,
       s.path AS source_path, s.extractor,
       (SELECT count(*) FROM items i WHERE i.document_id = d.id) AS items,
       (SELECT count(*) FROM document_warnings w WHERE w.document_id = d.id) AS warnings
FROM documents d
JOIN sources s ON s.id = d.source_id
LEFT JOIN jurisdictions j ON j.id = d.jurisdiction_id;

-- How many items of each kind each jurisdiction has per year and document type.
CREATE VIEW v_kind_counts AS
SELECT jurisdiction, jurisdiction_code, level, province, year, doc_type, kind, count(*) AS items
FROM v_items
GROUP BY jurisdiction, jurisdiction_code, level, province, year, doc_type, kind;

-- In which months each kind of act is scheduled.
CREATE VIEW v_month_kind AS
SELECT i.kind, m.month, count(*) AS items
FROM items i JOIN item_months m ON m.item_id = i.id
GROUP BY i.kind, m.month;

-- Which committees lead which kinds of act.
CREATE VIEW v_committee_kind AS
SELECT committee_key, kind, count(*) AS items
FROM items
WHERE committee_key IS NOT NULL
GROUP BY committee_key, kind;

-- Laws inspected (执法检查) per jurisdiction and year.
CREATE VIEW v_law_checks AS
SELECT v.jurisdiction, v.jurisdiction_code, v.level, v.year, l.law, v.item_id, v.source_path
FROM v_items v JOIN item_laws l ON l.item_id = v.item_id
WHERE v.kind = 'law_check';
`;
