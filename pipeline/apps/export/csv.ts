import { stringify, type Options } from 'csv-stringify/sync';
import { fileEachTable } from './_per-table.js';
import type { ExportWriter } from './writer.js';

export interface CsvOptions {
  /**
   * Start with a UTF-8 byte-order mark. Excel on a Chinese Windows opens a BOM-less CSV in the
   * ANSI code page (GBK) and shows the UTF-8 text as mojibake; with the mark it reads UTF-8.
   * @default true
   */
  bom: boolean;
}

/**
 * CSV by csv-stringify, RFC 4180: CRLF between records, fields quoted when they hold a comma, a
 * quote (doubled inside) or a line break, which stays inside its quoted field. One file a table.
 */
export function csvWriter(dir: string, options: CsvOptions): ExportWriter {
  // With a record delimiter of its own, csv-stringify quotes only fields holding that exact
  // delimiter; a line break alone (LF, as item text has) must be quoted too or it splits the row.
  const base: Options = { record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { boolean: (b) => (b ? 'true' : 'false') } };
  return fileEachTable(dir, 'csv', 'cells', async (file, columns) => {
    await file.write(stringify([columns.map((c) => c.name)], { ...base, bom: options.bom }));
    return (batch) => file.write(stringify(JSON.parse(batch.toString('utf8')) as unknown[][], base));
  });
}
