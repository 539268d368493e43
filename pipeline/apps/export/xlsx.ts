import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { Column } from './columns.js';
import type { ExportWriter } from './writer.js';

type Cell = string | number | boolean | null;

/** Excel's limits: rows per sheet (the header takes one) and characters per cell. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_CELL = 32_767;

export interface XlsxOptions {
  /** The workbook's file name in the output folder. */
  file: string;
  /**
   * Data rows per sheet before the table continues on a new sheet "items (2)", ….
   * @default EXCEL_MAX_ROWS - 1 (what Excel can open)
   */
  sheetRows?: number;
}

/**
 * One workbook, one sheet per table, by ExcelJS's streaming writer: each row is committed (written
 * to the zip) as soon as it is added and strings are written inline rather than into a shared
 * table, so memory stays flat. The header row is bold and frozen, column widths come from the
 * column definitions, and a table longer than a sheet continues on the next sheet.
 */
export function xlsxWriter(dir: string, options: XlsxOptions): ExportWriter {
  const path = join(dir, options.file);
  const temp = `${path}.tmp`;
  const sheetRows = options.sheetRows ?? EXCEL_MAX_ROWS - 1;
  const tables: Parameters<ExportWriter['table']>[0][] = [];
  const notes: string[] = [];
  let workbook: import('exceljs').stream.xlsx.WorkbookWriter | null = null;
  return {
    shape: 'cells',
    async table(name, columns, rows) {
      if (!workbook) {
        const ExcelJS = (await import('exceljs')).default;
        workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
      }
      const book = workbook;
      tables.push(name);
      const sheets = Math.max(1, Math.ceil(rows / sheetRows));
      const sheetName = (n: number) => (n === 1 ? name : `${name} (${n})`);
      if (sheets > 1) {
        notes.push(
          `${name}: ${rows.toLocaleString('en')} rows exceed one Excel sheet (${sheetRows.toLocaleString('en')} rows), ` +
            `so they are split over sheets ${Array.from({ length: sheets }, (_, k) => `'${sheetName(k + 1)}'`).join(', ')}`,
        );
      }
      let sheet = newSheet(book, sheetName(1), columns);
      let sheetNo = 1;
      let inSheet = 0;
      let cut = 0;
      return {
        async write(batch) {
          for (const row of JSON.parse(batch.toString('utf8')) as Cell[][]) {
            if (inSheet === sheetRows) {
              sheet.commit();
              sheet = newSheet(book, sheetName(++sheetNo), columns);
              inSheet = 0;
            }
            const values = row.map((v) => {
              if (typeof v !== 'string' || v.length <= EXCEL_MAX_CELL) return v;
              cut++;
              return v.slice(0, EXCEL_MAX_CELL - 1) + '…';
            });
            sheet.addRow(values).commit();
            inSheet++;
          }
          await drained(sheet);
        },
        async end() {
          sheet.commit();
          if (cut) notes.push(`${name}: ${cut} cells longer than Excel's ${EXCEL_MAX_CELL} characters were cut (the CSV and Parquet files hold them whole)`);
        },
      };
    },
    async close() {
      if (!workbook) return [];
      await workbook.commit();
      await rename(temp, path);
      return [{ path, tables, notes }];
    },
    async abort() {
      await rm(temp, { force: true });
    },
  };
}

/** Bytes of sheet XML allowed to wait for the zip's compressor before rows are added again. */
const BACKLOG_BYTES = 8 * 1024 * 1024;

/**
 * Wait until the zip has taken the rows written so far. ExcelJS's sheet stream never reports
 * back-pressure (its write() always returns true and it writes to the zip entry regardless), so a
 * batch loop that keeps adding rows outruns the compressor and the XML piles up in memory — 1.4 GB
 * for 750,000 rows. The zip entry streams it writes to are in its `pipes`; their buffered bytes
 * tell how far behind the compressor is. (ExcelJS internals, pinned by the package version and by
 * the bench, which would show memory growing again.)
 */
async function drained(sheet: import('exceljs').Worksheet): Promise<void> {
  type Entry = { _writableState?: { length: number }; once(event: 'drain', fn: () => void): void };
  const stream = (sheet as unknown as { stream?: { pipes?: Entry[] } }).stream;
  for (const entry of stream?.pipes ?? []) {
    // A readable-stream 2 PassThrough: no writableLength, but the standard state object.
    while ((entry._writableState?.length ?? 0) > BACKLOG_BYTES) await new Promise<void>((resolve) => entry.once('drain', resolve));
  }
}

function newSheet(book: import('exceljs').stream.xlsx.WorkbookWriter, name: string, columns: Column[]) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.name, width: c.width }));
  const header = sheet.addRow(columns.map((c) => c.name));
  header.font = { bold: true };
  header.commit();
  return sheet;
}
