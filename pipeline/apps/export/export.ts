import { mkdir, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../store/db.js';
import type { ItemFilter } from '../../store/read/filters.js';
import { openForReading } from '../../store/read/open.js';
import { UsageError } from '../../../schemas/errors.js';
import { materialiseCopies } from './_copies.js';
import type { TableName } from './columns.js';
import { csvWriter } from './csv.js';
import { jsonlWriter } from './jsonl.js';
import { parquetWriter } from './parquet.js';
import { BATCH_ROWS, planBatches, readRows, type BatchPlan } from './rows.js';
import { tableQuery, type TableQuery } from './tables.js';
import { ExportError, type ExportFormat, type ExportWriter } from './writer.js';
import { xlsxWriter } from './xlsx.js';

export interface ExportOptions {
  /** The database, opened read-only. */
  db: string;
  format: ExportFormat;
  /** Output folder, created if missing. Files are named after their table (`items.parquet`). */
  out: string;
  tables: TableName[];
  filter: ItemFilter;
  /** An SQL condition over each exported table's own columns. */
  where?: string;
  /** CSV only: start with a UTF-8 byte-order mark. @default true */
  bom?: boolean;
  /** XLSX only: data rows per sheet. @default what Excel opens, 1,048,575 */
  sheetRows?: number;
  onProgress?(table: TableName, done: number, total: number): void;
}

export interface ExportedFile {
  path: string;
  bytes: number;
  tables: TableName[];
  notes: string[];
}

export interface ExportSummary {
  files: ExportedFile[];
  rows: Partial<Record<TableName, number>>;
  seconds: number;
}

function writerFor(o: ExportOptions): ExportWriter {
  switch (o.format) {
    case 'parquet':
      return parquetWriter(o.out);
    case 'csv':
      return csvWriter(o.out, { bom: o.bom ?? true });
    case 'jsonl':
      return jsonlWriter(o.out);
    case 'xlsx':
      return xlsxWriter(o.out, { file: o.tables.length === 1 ? `${o.tables[0]}.xlsx` : 'renda.xlsx', sheetRows: o.sheetRows });
  }
}

/**
 * Export tables from a renda database. Every table's rows are counted first, which also runs the
 * user's --where on each table, so a condition naming a column a table lacks fails before any
 * file is begun; then the rows stream through the format's writer in batches. Files appear under
 * their names only when all are complete.
 */
export async function exportTables(o: ExportOptions): Promise<ExportSummary> {
  const started = performance.now();
  // Two connections, so SQLite builds rows on both cores (rows.ts).
  const dbs: Db[] = [];
  try {
    for (let k = 0; k < CONNECTIONS; k++) dbs.push(await openForReading(o.db));
    for (const db of dbs) await materialiseCopies(db);
    // A read transaction on each: the counts and the rows come from one snapshot even while an
    // ingest writes to the database (WAL). The snapshot starts at each connection's first read,
    // so they are taken back to back.
    for (const db of dbs) await db.exec('BEGIN');
    for (const db of dbs) await db.get('SELECT count(*) FROM sources');
    const [db] = dbs as [Db];
    const queries: { q: TableQuery; plan: BatchPlan; rows: number }[] = [];
    for (const table of o.tables) {
      const q = tableQuery(table, o.filter, o.where);
      const plan = await planBatches(db, q).catch((err: unknown) => {
        if (!o.where) throw err;
        throw new UsageError(`--where: ${(err as Error).message.replace(/^SQLITE_\w+: /, '')} (in table ${table}; its columns: ${q.columns.map((c) => c.name).join(', ')})`);
      });
      queries.push({ q, plan, rows: plan.total });
    }
    await mkdir(o.out, { recursive: true }).catch((err: unknown) => {
      throw new ExportError('write_failed', `cannot create ${o.out}: ${(err as Error).message}`, { cause: err });
    });
    const writer = writerFor(o);
    try {
      for (const { q, plan, rows } of queries) {
        const table = await writer.table(q.table, q.columns, rows);
        let done = 0;
        o.onProgress?.(q.table, 0, rows);
        let batches = 0;
        for await (const batch of readRows(dbs, q, plan, writer.shape)) {
          await table.write(batch);
          done = Math.min(rows, ++batches * BATCH_ROWS);
          o.onProgress?.(q.table, done, rows);
        }
        await table.end();
      }
      const written = await writer.close();
      const files: ExportedFile[] = [];
      for (const w of written) files.push({ path: w.path, bytes: (await stat(w.path)).size, tables: w.tables, notes: w.notes ?? [] });
      return {
        files,
        rows: Object.fromEntries(queries.map(({ q, rows }) => [q.table, rows])),
        seconds: Math.round(performance.now() - started) / 1000,
      };
    } catch (err) {
      await writer.abort().catch(() => undefined);
      // A full disk or a folder we may not write to is the user's to fix, not a bug.
      if ((err as NodeJS.ErrnoException).syscall) throw new ExportError('write_failed', (err as Error).message, { cause: err });
      throw err;
    }
  } finally {
    for (const db of dbs) {
      await db.exec('ROLLBACK').catch(() => undefined);
      await db.close();
    }
  }
}

const CONNECTIONS = 2;

