import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../../../schemas/errors.js';
import { openForReading } from '../../store/read/open.js';
import { writeAtomic } from '../../store/write-json.js';
import { readReportData } from './data.js';
import { renderReport } from './html.js';

export interface ReportOptions {
  /** The SQLite database written by `renda ingest`; opened read-only (pipeline/store/read/open.ts). */
  db: string;
  /** The HTML file to write. @default `report.html` beside the database */
  out?: string;
  /** Folder that the database's relative source paths are resolved against. @default process.cwd() */
  cwd?: string;
  /** Shown on the page. @default now */
  generatedAt?: Date;
}

export interface ReportSummary {
  out: string;
  bytes: number;
  documents: number;
  items: number;
  jurisdictions: number;
  seconds: number;
}

/**
 * Read a renda database and write the report page. Both paths are checked before the database is
 * read (a missing database is a usage error, never an empty one created by accident); the page
 * appears whole or not at all (temporary file, then rename).
 */
export async function writeReport(options: ReportOptions): Promise<ReportSummary> {
  const started = performance.now();
  const out = options.out ?? join(dirname(options.db), 'report.html');
  const outStat = await stat(out).catch(() => null);
  if (outStat?.isDirectory()) throw new UsageError(`--out: ${out} is a folder; name the HTML file to write`);
  const db = await openForReading(options.db);
  let data;
  try {
    data = await readReportData(db);
  } finally {
    await db.close();
  }

  const html = renderReport(data, {
    generatedAt: options.generatedAt ?? new Date(),
    dbPath: options.db,
    cwd: options.cwd ?? process.cwd(),
    reportDir: resolve(dirname(out)),
  });
  await writeAtomic(out, html);
  return {
    out,
    bytes: Buffer.byteLength(html),
    documents: data.documents.length,
    items: data.items.length,
    jurisdictions: new Set(data.documents.map((d) => d.jurisdiction.key)).size,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
