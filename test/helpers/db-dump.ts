import sqlite3 from 'sqlite3';

/**
 * Every table of a renda database as sorted JSON lines, for comparing two runs' content: the
 * rows, not the order they were written in. Leaves out what a run may differ in by design: when
 * a source was ingested, and the surrogate integer keys SQLite hands out in insertion order
 * (jurisdictions.id, the full-text index's rowids), each replaced by what it points at.
 */
export async function dumpDatabase(path: string): Promise<Record<string, string[]>> {
  const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY);
  const all = (sql: string) =>
    new Promise<Array<Record<string, unknown>>>((resolve, reject) => db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows as Array<Record<string, unknown>>))));
  try {
    const tables = (await all(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'items_fts_%' ORDER BY name`)).map((r) => String(r.name));
    const jurisdictions = new Map((await all('SELECT * FROM jurisdictions')).map((j) => [j.id, `${j.code ?? ''}|${j.name ?? ''}`]));
    const ftsText = new Map((await all('SELECT rowid, text FROM items_fts')).map((r) => [r.rowid, r.text]));
    const out: Record<string, string[]> = {};
    for (const table of tables) {
      const rows = table === 'items_fts' ? await all('SELECT text FROM items_fts') : await all(`SELECT * FROM "${table}"`);
      out[table] = rows
        .map((row) => {
          const r: Record<string, unknown> = { ...row };
          delete r.ingested_at;
          if (table === 'jurisdictions') delete r.id;
          if ('jurisdiction_id' in r) r.jurisdiction_id = r.jurisdiction_id === null ? null : jurisdictions.get(r.jurisdiction_id);
          if ('fts_rowid' in r) r.fts_rowid = ftsText.get(r.fts_rowid);
          return JSON.stringify(r);
        })
        .sort();
    }
    return out;
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}
