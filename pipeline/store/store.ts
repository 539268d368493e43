import type { Jurisdiction, SourceResult } from '../../schemas/index.js';
import { Db } from './db.js';
import type { SimilarRow } from './similar/build.js';
import { SCHEMA_SQL, STORE_VERSION, VIEW_NAMES, VIEWS_SQL } from './schema.js';

/**
 * The SQLite store. One connection, used by one writer at a time (the store stage has concurrency
 * 1). Re-ingesting a source replaces its rows by sha256 inside one transaction, so a reader never
 * sees a source half-written and a re-run never duplicates.
 */
export class Store {
  private constructor(private readonly db: Db) {}

  static async open(path: string): Promise<Store> {
    const db = await Db.openShared(path, async (db) => {
      await db.exec('PRAGMA foreign_keys = ON;');
      await db.transaction(async () => {
        const row = await db.get<{ user_version: number }>('PRAGMA user_version');
        if (row && row.user_version > STORE_VERSION) {
          throw new StoreError(`database schema version ${row.user_version} is newer than this renda (${STORE_VERSION})`);
        }
        // Schema 2 had no review_year; CREATE TABLE IF NOT EXISTS leaves an old table as it was.
        if (row && row.user_version > 0 && row.user_version < 3) await addReviewYear(db);
        await db.exec(SCHEMA_SQL);
        if (row && row.user_version > 0 && row.user_version < 2) await indexExistingItems(db);
        await db.exec(VIEW_NAMES.map((v) => `DROP VIEW IF EXISTS ${v};`).join('\n') + VIEWS_SQL);
        await db.exec(`PRAGMA user_version = ${STORE_VERSION}`);
      });
    });
    return new Store(db);
  }

  /**
   * Store one source, replacing what an earlier run stored for the same content (sha256) or for
   * the same path (an edited file is a new version of the same source). Returns the ids of earlier
   * versions that were replaced, whose JSON files the caller removes.
   */
  async put(result: SourceResult, ingestedAt = new Date().toISOString()): Promise<string[]> {
    const { source, documents } = result;
    return this.db.transaction(async () => {
      const replaced = await this.db.all<{ id: string }>('SELECT id FROM sources WHERE path = ? AND id <> ?', [source.path, source.id]);
      await this.db.run('DELETE FROM sources WHERE sha256 = ? OR id = ? OR path = ?', [source.sha256, source.id, source.path]);
      await this.db.run(
        'INSERT INTO sources (id, sha256, path, media_type, extractor, pages, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [source.id, source.sha256, source.path, source.mediaType, source.extractor, source.pages, ingestedAt],
      );
      for (const [k, doc] of documents.entries()) {
        const jurisdictionId = await this.jurisdictionId(doc.jurisdiction);
        await this.db.run(
          `INSERT INTO documents (id, source_id, ordinal, title, doc_type, year, review_year, adopted_date, published_date, jurisdiction_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [doc.id, source.id, k + 1, doc.title, doc.docType, doc.year, doc.reviewYear ?? null, doc.adoptedDate, doc.publishedDate, jurisdictionId],
        );
        await this.insertMany('document_warnings', ['document_id', 'code', 'message'], doc.warnings.map((w) => [doc.id, w.code, w.message]));
        await this.insertMany(
          'sections',
          ['document_id', 'path', 'title', 'declared_count', 'item_count'],
          doc.sections.map((s) => [doc.id, s.path, s.title, s.declaredCount, s.itemCount]),
        );
        await this.insertMany(
          'items',
          ['id', 'document_id', 'path', 'number', 'text', 'kind', 'kinds', 'committee_raw', 'committee_key', 'organ', 'page', 'span_start', 'span_end', 'confidence', 'rule'],
          doc.items.map((it) => [
            it.id, doc.id, it.path, it.number, it.text, it.kind, JSON.stringify(it.kinds), it.committee?.raw ?? null,
            it.committee?.key ?? null, it.organ, it.page, it.span[0], it.span[1], it.confidence, it.rule,
          ]),
        );
        await this.insertMany('item_months', ['item_id', 'month'], doc.items.flatMap((it) => it.months.map((m) => [it.id, m])));
        await this.insertMany('item_laws', ['item_id', 'law'], doc.items.flatMap((it) => it.laws.map((law) => [it.id, law])), 'OR IGNORE');
      }
      return replaced.map((r) => r.id);
    });
  }

  /**
   * Many rows per statement: node-sqlite3 costs one round trip through its thread pool per
   * statement, which dominated the time of storing a long document row by row.
   */
  private async insertMany(table: string, columns: string[], rows: unknown[][], conflict = ''): Promise<void> {
    // Under SQLite's old default limit of 999 parameters per statement.
    const perStatement = Math.max(1, Math.floor(999 / columns.length));
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let k = 0; k < rows.length; k += perStatement) {
      const batch = rows.slice(k, k + perStatement);
      await this.db.run(`INSERT ${conflict} INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`, batch.flat());
    }
  }

  /** Read rows (for derived tables computed from what is stored, such as similar items). */
  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.db.all<T>(sql, params);
  }

  /** Replace the similar-items table in one transaction: readers see the old table or the new one. */
  async replaceSimilar(rows: SimilarRow[]): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run('DELETE FROM similar_items');
      await this.insertMany('similar_items', ['item_id', 'other_id', 'rank', 'score', 'method'], rows.map((r) => [r.itemId, r.otherId, r.rank, r.score, r.method]), 'OR IGNORE');
    });
  }

  private async jurisdictionId(j: Jurisdiction): Promise<number | null> {
    if (j.name === null && j.code === null) return null;
    await this.db.run(
      `INSERT INTO jurisdictions (name, code, level, province, prefecture) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [j.name, j.code, j.level, j.province, j.prefecture],
    );
    const row = await this.db.get<{ id: number }>(
      "SELECT id FROM jurisdictions WHERE ifnull(code, '') = ifnull(?, '') AND ifnull(name, '') = ifnull(?, '')",
      [j.code, j.name],
    );
    return row?.id ?? null;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** Schema 1 had no full-text index: index the items it already holds, once, on upgrade. */
async function indexExistingItems(db: Db): Promise<void> {
  const items = await db.all<{ id: string; text: string }>(
    'SELECT id, text FROM items WHERE id NOT IN (SELECT item_id FROM items_fts_rows)',
  );
  for (const it of items) {
    await db.run('INSERT INTO items_fts (text) VALUES (?)', [it.text]);
    await db.run('INSERT INTO items_fts_rows (item_id, fts_rowid) VALUES (?, last_insert_rowid())', [it.id]);
  }
}

/**
 * Up to schema 2 a work report's year was the year it reviewed; from 3 it is its session's year and
 * review_year holds the other. Old rows are moved over, so one database never mixes the meanings.
 */
async function addReviewYear(db: Db): Promise<void> {
  const cols = await db.all<{ name: string }>('PRAGMA table_info(documents)');
  if (cols.some((c) => c.name === 'review_year')) return;
  await db.exec('ALTER TABLE documents ADD COLUMN review_year INTEGER');
  await db.run("UPDATE documents SET review_year = year, year = year + 1 WHERE doc_type = 'work_report' AND year IS NOT NULL");
}

/** The database cannot be used at all: the batch stops before reading any file. */
export class StoreError extends Error {
  readonly code = 'store_unusable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}
