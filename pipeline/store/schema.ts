/**
 * The SQLite schema: normalised tables with foreign keys (deleting a source cascades to everything
 * read from it) and the views analysts query directly. `user_version` records the schema version so
 * a later release can migrate an existing database instead of failing on it.
 */
export const STORE_VERSION = 3;

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
  year            INTEGER,                      -- the year the document is for (a work report: its session)
  review_year     INTEGER,                      -- work reports: the year they review
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

-- Full-text search over item text. FTS5's trigram tokenizer indexes every three characters, which
-- is what Chinese needs (no spaces between words) without a segmenter inside SQLite. The index keeps
-- its own copy of the text and its own rowids: items has a TEXT key, and the implicit rowid of such
-- a table may change on VACUUM, so items_fts_rows maps each item to its index row explicitly.
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5 (text, tokenize = 'trigram');
CREATE TABLE IF NOT EXISTS items_fts_rows (
  item_id   TEXT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  fts_rowid INTEGER NOT NULL UNIQUE
);
CREATE TRIGGER IF NOT EXISTS items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (text) VALUES (new.text);
  INSERT INTO items_fts_rows (item_id, fts_rowid) VALUES (new.id, last_insert_rowid());
END;
CREATE TRIGGER IF NOT EXISTS items_fts_delete BEFORE DELETE ON items BEGIN
  DELETE FROM items_fts WHERE rowid = (SELECT fts_rowid FROM items_fts_rows WHERE item_id = old.id);
END;

-- Items in other jurisdictions about the same matter, computed over the whole corpus after each
-- ingest (renda similar --build). \`method\` records how (e.g. 'tfidf:jieba' or a local model).
CREATE TABLE IF NOT EXISTS similar_items (
  item_id  TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  other_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  rank     INTEGER NOT NULL,
  score    REAL NOT NULL,
  method   TEXT NOT NULL,
  PRIMARY KEY (item_id, other_id)
);
CREATE INDEX IF NOT EXISTS similar_items_other ON similar_items (other_id);
`;

/**
 * Views are derived, so they are dropped and recreated on every open: a newer renda can change a
 * view without a migration.
 */
export const VIEW_NAMES = [
  'v_document_copies',
  'v_items',
  'v_documents',
  'v_kind_counts',
  'v_month_kind',
  'v_committee_kind',
  'v_law_checks',
  'v_similar',
] as const;

export const VIEWS_SQL = `
-- The same document ingested from several files (a plan saved as PDF and as a web page) is one
-- document for comparison: same jurisdiction, year, type and title. The copy read from the best
-- source (text, then DOCX, web page, PDF, OCR) is canonical; aggregate views count only canonical
-- documents, so a twin never doubles a jurisdiction's numbers.
CREATE VIEW v_document_copies AS
WITH keyed AS (
  SELECT d.id, d.jurisdiction_id, d.year, d.doc_type, d.title, s.path,
         CASE s.extractor WHEN 'text' THEN 0 WHEN 'docx' THEN 1 WHEN 'doc' THEN 1 WHEN 'html' THEN 2 WHEN 'pdf' THEN 3
                          WHEN 'pdf+ocr' THEN 4 ELSE 5 END AS preference
  FROM documents d JOIN sources s ON s.id = d.source_id
)
SELECT id AS document_id,
       first_value(id) OVER (PARTITION BY ifnull(jurisdiction_id, -1), ifnull(year, -1), doc_type, title
                             ORDER BY preference, path, id) AS canonical_id
FROM keyed;

-- Every item with its document, jurisdiction and source: the view most questions start from.
-- copy_of is the canonical document's id when this item's document is a copy, else NULL.
CREATE VIEW v_items AS
SELECT i.id AS item_id, i.path, i.number, i.kind, i.kinds, i.text, i.committee_key, i.committee_raw,
       i.organ, i.page, i.confidence, i.rule,
       (SELECT group_concat(m.month, ',') FROM (SELECT month FROM item_months WHERE item_id = i.id ORDER BY month) m) AS months,
       d.id AS document_id, d.title AS document_title, d.doc_type, d.year, d.review_year,
       j.name AS jurisdiction, j.code AS jurisdiction_code, j.level, j.province, j.prefecture,
       s.path AS source_path, s.id AS source_id,
       nullif(c.canonical_id, d.id) AS copy_of
FROM items i
JOIN documents d ON d.id = i.document_id
JOIN sources s ON s.id = d.source_id
JOIN v_document_copies c ON c.document_id = d.id
LEFT JOIN jurisdictions j ON j.id = d.jurisdiction_id;

-- One row per document, with its jurisdiction, source and counts.
CREATE VIEW v_documents AS
SELECT d.id AS document_id, d.title, d.doc_type, d.year, d.review_year, d.adopted_date, d.published_date,
       j.name AS jurisdiction, j.code AS jurisdiction_code, j.level, j.province, j.prefecture,
       s.path AS source_path, s.extractor,
       (SELECT count(*) FROM items i WHERE i.document_id = d.id) AS items,
       (SELECT count(*) FROM document_warnings w WHERE w.document_id = d.id) AS warnings,
       nullif(c.canonical_id, d.id) AS copy_of
FROM documents d
JOIN sources s ON s.id = d.source_id
JOIN v_document_copies c ON c.document_id = d.id
LEFT JOIN jurisdictions j ON j.id = d.jurisdiction_id;

-- How many items of each kind each jurisdiction has per year and document type (copies excluded).
CREATE VIEW v_kind_counts AS
SELECT jurisdiction, jurisdiction_code, level, province, year, doc_type, kind, count(*) AS items
FROM v_items
WHERE copy_of IS NULL
GROUP BY jurisdiction, jurisdiction_code, level, province, year, doc_type, kind;

-- In which months each kind of act is scheduled (copies excluded).
CREATE VIEW v_month_kind AS
SELECT v.kind, m.month, count(*) AS items
FROM v_items v JOIN item_months m ON m.item_id = v.item_id
WHERE v.copy_of IS NULL
GROUP BY v.kind, m.month;

-- Which committees lead which kinds of act (copies excluded).
CREATE VIEW v_committee_kind AS
SELECT committee_key, kind, count(*) AS items
FROM v_items
WHERE committee_key IS NOT NULL AND copy_of IS NULL
GROUP BY committee_key, kind;

-- Laws inspected (执法检查) per jurisdiction and year (copies excluded).
CREATE VIEW v_law_checks AS
SELECT v.jurisdiction, v.jurisdiction_code, v.level, v.year, l.law, v.item_id, v.source_path
FROM v_items v JOIN item_laws l ON l.item_id = v.item_id
WHERE v.kind = 'law_check' AND v.copy_of IS NULL;

-- Similar items in other jurisdictions (renda similar --build), with both sides readable.
CREATE VIEW v_similar AS
SELECT s.item_id, s.rank, s.score, s.method, a.jurisdiction, a.kind, a.text,
       s.other_id, b.jurisdiction AS other_jurisdiction, b.year AS other_year, b.kind AS other_kind, b.text AS other_text
FROM similar_items s
JOIN v_items a ON a.item_id = s.item_id
JOIN v_items b ON b.item_id = s.other_id;
`;
