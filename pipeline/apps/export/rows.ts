import type { Db } from '../../store/db.js';
import { LIST_SEPARATOR, type Column } from './columns.js';
import type { TableQuery } from './tables.js';

/** Rows per batch: big enough that query overhead vanishes, small enough to stay flat (~5 MB). */
export const BATCH_ROWS = 5000;

/**
 * How a batch reaches the writer. SQLite builds the JSON in its worker threads and hands over
 * each batch as one BLOB of UTF-8 bytes: one value per batch instead of an object of twenty-odd
 * properties per row, which is where node-sqlite3 spends its time, and no decoding and encoding
 * back for the formats that write the bytes as they are.
 *
 * - `lines`: JSON objects, one a line, the table's columns in order, lists as arrays, booleans as
 *   true/false (JSON escapes line breaks inside values, so a newline always ends a row). JSON
 *   lines and Parquet (DuckDB reads it) take these bytes untouched.
 * - `cells`: one JSON array of rows, each an array of the row's cells with lists already joined by
 *   `;` — what CSV and XLSX write, parsed with a single JSON.parse per batch.
 */
export type BatchShape = 'lines' | 'cells';

function jsonValue(col: Column, shape: BatchShape): string {
  const ref = `t.${col.name}`;
  if (col.type === 'integer_list' || col.type === 'text_list') {
    return shape === 'lines' ? `json(ifnull(${ref}, '[]'))` : `(SELECT group_concat(value, '${LIST_SEPARATOR}') FROM json_each(${ref}))`;
  }
  if (col.type === 'boolean') return `json(CASE WHEN ${ref} IS NULL THEN 'null' WHEN ${ref} THEN 'true' ELSE 'false' END)`;
  return ref;
}

/** Where each batch starts and ends: the key of every BATCH_ROWS-th row, and the row count. */
export interface BatchPlan {
  total: number;
  /** Keys of the last row of each full batch, in order. */
  bounds: unknown[][];
}

/**
 * Count the rows and find the batch boundaries in one query over the keys alone (no JSON built;
 * a second or two for a million items). With the boundaries known up front, batches are independent ranges that two connections
 * can read at the same time — two cores building JSON — instead of each batch waiting for the
 * last key of the one before.
 */
export async function planBatches(db: Db, q: TableQuery, batchRows = BATCH_ROWS): Promise<BatchPlan> {
  const keys = q.key.map((k) => `t.${k}`);
  const rows = await db.all<Record<string, unknown>>(
    `SELECT * FROM (SELECT ${keys.map((k, n) => `${k} AS k${n}`).join(', ')}, row_number() OVER (ORDER BY ${keys.join(', ')}) AS n
                    FROM ${q.from} WHERE ${q.where})
     WHERE n % ${batchRows} = 0 OR n = (SELECT count(*) FROM ${q.from} WHERE ${q.where})`,
    [...q.params, ...q.params],
  );
  const total = rows.length ? Number(rows[rows.length - 1]!.n) : 0;
  const bounds = rows.filter((r) => Number(r.n) % batchRows === 0 && Number(r.n) !== total).map((r) => q.key.map((_, n) => r[`k${n}`]));
  return { total, bounds };
}

/**
 * The table's rows in key order, a batch at a time in the given shape. Batch k is the key range
 * (bounds[k-1], bounds[k]]; connections take batches in turn, at most two ahead of the caller each,
 * so memory stays flat however many rows the table has, and batches are yielded in order.
 */
export async function* readRows(dbs: Db[], q: TableQuery, plan: BatchPlan, shape: BatchShape): AsyncGenerator<Buffer> {
  const json =
    shape === 'lines'
      ? `json_object(${q.columns.map((c) => `'${c.name}', ${jsonValue(c, shape)}`).join(', ')})`
      : `json_array(${q.columns.map((c) => jsonValue(c, shape)).join(', ')})`;
  const batch = shape === 'lines' ? 'group_concat(j, char(10))' : `'[' || group_concat(j, ',') || ']'`;
  const keys = q.key.map((k) => `t.${k}`);
  const tuple = keys.length === 1 ? keys[0]! : `(${keys.join(', ')})`;
  const marks = keys.length === 1 ? '?' : `(${keys.map(() => '?').join(', ')})`;
  const ranges = plan.total === 0 ? [] : [...plan.bounds, null].map((hi, k) => ({ lo: k === 0 ? null : plan.bounds[k - 1]!, hi }));
  const fetch = (k: number) => {
    const { lo, hi } = ranges[k]!;
    const conds = [...(lo ? [`${tuple} > ${marks}`] : []), ...(hi ? [`${tuple} <= ${marks}`] : []), q.where];
    // The subquery reads the range in key order along the index, and group_concat keeps the order
    // its rows arrive in; an ORDER BY inside group_concat would sort the built JSON again (3× slower).
    const sql = `SELECT CAST(${batch} AS BLOB) AS lines
                 FROM (SELECT ${json} AS j FROM ${q.from} WHERE ${conds.join(' AND ')} ORDER BY ${keys.join(', ')})`;
    return dbs[k % dbs.length]!.get<{ lines: Buffer | null }>(sql, [...(lo ?? []), ...(hi ?? []), ...q.params]).then((r) => r?.lines ?? null);
  };
  const ahead = 2 * dbs.length;
  const pending: Promise<Buffer | null>[] = [];
  let next = 0;
  try {
    for (let k = 0; k < ranges.length; k++) {
      while (next < ranges.length && next < k + ahead) pending.push(fetch(next++));
      const lines = await pending.shift()!;
      if (lines?.length) yield lines;
    }
  } finally {
    // A caller that stops early (a write failed) leaves reads in flight: their outcome no longer matters.
    for (const p of pending) p.catch(() => undefined);
  }
}
