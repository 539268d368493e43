import type { Db } from '../../store/db.js';

export const COPIES_TABLE = 'temp.export_copies';

/**
 * Fill a temporary table with v_document_copies once per export. The view ranks every document
 * with a window function, which SQLite recomputes for each query that joins it; the export reads
 * in thousands of batches, so it would rank all documents a thousand times (over a second a batch
 * on a million items). The temporary table lives in SQLite's temp store, not in the file: the
 * connection was opened with SQLITE_OPEN_READONLY, so lifting query_only for these two statements
 * cannot change the database, and it is set again at once.
 */
export async function materialiseCopies(db: Db): Promise<void> {
  await db.exec('PRAGMA query_only = OFF');
  try {
    await db.exec(`DROP TABLE IF EXISTS ${COPIES_TABLE};
      CREATE TABLE ${COPIES_TABLE} AS SELECT document_id, canonical_id FROM main.v_document_copies;
      CREATE UNIQUE INDEX temp.export_copies_document ON export_copies (document_id);`);
  } finally {
    await db.exec('PRAGMA query_only = ON');
  }
}
