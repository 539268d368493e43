import type { Db } from '../db.js';
import type { Column } from './columns.js';
import type { TableQuery } from './tables.js';

/** Rows fetched per query: big enough that query overhead vanishes, small enough to stay flat. */
export const BATCH_ROWS = 5000;

/**
 * A row as SQLite writes it: one JSON object with the table's columns in order, lists as arrays,
 * booleans as true/false. SQLite builds the JSON (in its own thread), so a row costs JavaScript one
 * string instead of an object of twenty-odd properties; JSON lines pass it through untouched.
 */
function jsonValue(col: Column): string {
  const ref = `t.${col.name}`;
  if (col.type === 'integer_list' || col.type === 'text_list') return `json(ifnull(${ref}, '[]'))`;
  if (col.type === 'boolean') return `json(CASE WHEN ${ref} IS NULL THEN 'null' WHEN ${ref} THEN 'true' ELSE 'false' END)`;
  return ref;
}

export async function countRows(db: Db, q: TableQuery): Promise<number> {
  const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${q.from} WHERE ${q.where}`, q.params);
  return row?.n ?? 0;
}

/**
 * The table's rows in key order, in batches, each a JSON object string. Batches are read by key
 * (`WHERE key > last ORDER BY key LIMIT n`), never with OFFSET, so every batch costs the same; the
 * next batch is already being read by SQLite's worker thread while the caller writes this one, and
 * at most two batches are held, so memory stays flat however many rows the table has.
 */
export async function* readRows(db: Db, q: TableQuery, batchRows = BATCH_ROWS): AsyncGenerator<string[]> {
  const json = `json_object(${q.columns.map((c) => `'${c.name}', ${jsonValue(c)}`).join(', ')})`;
  const keys = q.key.map((k) => `t.${k}`);
  const after = keys.length === 1 ? `${keys[0]} > ?` : `(${keys.join(', ')}) > (${keys.map(() => '?').join(', ')})`;
  const select = (resume: boolean) =>
    `SELECT ${keys.map((k, n) => `${k} AS k${n}`).join(', ')}, ${json} AS j FROM ${q.from}
     WHERE ${resume ? `${after} AND ` : ''}${q.where} ORDER BY ${keys.join(', ')} LIMIT ${batchRows}`;
  type Row = { j: string } & Record<string, unknown>;
  const fetch = (last: unknown[] | null) => db.all<Row>(select(last !== null), last === null ? q.params : [...last, ...q.params]);
  let pending = fetch(null);
  for (;;) {
    const rows = await pending;
    if (rows.length === 0) return;
    const tail = rows[rows.length - 1]!;
    if (rows.length === batchRows) pending = fetch(q.key.map((_, n) => tail[`k${n}`]));
    else pending = Promise.resolve([]);
    yield rows.map((r) => r.j);
  }
}
