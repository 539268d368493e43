import { FILTER_HELP, FILTER_OPTIONS, parseFilter } from '../../store/read/filters.js';
import { EXPORT_FORMATS, exportTables, TABLE_COLUMNS, TABLE_NAMES, type ExportFormat, type TableName } from '../export/index.js';
import { parseWhere } from '../export/where.js';
import { UsageError } from '../../../schemas/errors.js';
import type { Command } from './command.js';
import { parse } from './command.js';
import { DB_HELP, DB_OPTION } from './db-option.js';
import { createProgress } from './progress.js';

const HELP = `Usage: renda export --format parquet|csv|xlsx|jsonl [--table …] [--out export/] [filters] [--db <path>]

Writes the database's tables as flat files for pandas, R, Stata or Excel, one row per item (with
its document and jurisdiction), per document, per source file, or per law check (item × law).
Column names are those of the SQLite views (README: "Using the data in pandas, R and Excel").

Formats:
  parquet  one file per table; months as a list of integers, codes as strings, booleans as booleans
  csv      one file per table; RFC 4180, UTF-8 with a byte-order mark (Excel); lists joined by ';'
  xlsx     one workbook, a sheet per table, header frozen; lists joined by ';'; a table longer
           than Excel's 1,048,576 rows continues on a second sheet
  jsonl    one file per table, one JSON object a line

Options:
  --format <f>             parquet, csv, xlsx or jsonl (required)
  --table <t,…>            ${TABLE_NAMES.join(', ')} or all (default: all)
  --out, -o <dir>          output folder (default: export/); files are named after their table
                           (items.parquet …; the XLSX workbook of several tables is renda.xlsx)
  --where <condition>      an SQL condition over the table's columns, e.g. "year >= 2023"
                           (list columns are JSON arrays here: json_each(months))
${FILTER_HELP}
  --no-bom                 CSV without the UTF-8 byte-order mark (for tools that dislike it)
${DB_HELP}
  --quiet, -q              print nothing on success

Filters select items and law checks; documents by their own level, year and jurisdiction (and
--kind: documents holding such an item); sources by their documents.

Columns of items: ${TABLE_COLUMNS.items.map((c) => c.name).join(', ')}

Exit codes: 0 written; 1 the database could not be read or a file not written; 2 bad usage.`;

function parseTables(values: string[] | undefined): TableName[] {
  const asked = (values ?? ['all']).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (asked.includes('all')) return [...TABLE_NAMES];
  for (const t of asked) {
    if (!(TABLE_NAMES as readonly string[]).includes(t)) throw new UsageError(`export: --table '${t}' is not one of ${TABLE_NAMES.join(', ')}, all`);
  }
  if (!asked.length) throw new UsageError('export: --table needs a table name');
  return TABLE_NAMES.filter((t) => asked.includes(t));
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write tables as Parquet, CSV, XLSX or JSON lines for pandas, R and Excel',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse('export', argv, {
      ...DB_OPTION,
      ...FILTER_OPTIONS,
      format: { type: 'string' },
      table: { type: 'string', multiple: true },
      out: { type: 'string', short: 'o', default: 'export' },
      where: { type: 'string' },
      'no-bom': { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
    });
    if (positionals.length) throw new UsageError(`export: unexpected argument '${positionals[0]}'`);
    if (values.format === undefined) throw new UsageError(`export: --format is required (${EXPORT_FORMATS.join(', ')})`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
      throw new UsageError(`export: --format must be one of ${EXPORT_FORMATS.join(', ')} (got '${values.format}')`);
    }
    const format = values.format as ExportFormat;
    if (values['no-bom'] && format !== 'csv') throw new UsageError('export: --no-bom applies to --format csv only');
    const tables = parseTables(values.table);
    const filter = parseFilter(values);
    const where = parseWhere(values.where);
    if (!values.out.trim()) throw new UsageError('export: --out needs a folder');

    let bar: ReturnType<typeof createProgress> = null;
    let barTable: TableName | null = null;
    const summary = await exportTables({
      db: values.db,
      format,
      out: values.out,
      tables,
      filter,
      where,
      bom: !values['no-bom'],
      onProgress(table, done, total) {
        if (values.quiet) return;
        if (table !== barTable) {
          bar?.stop();
          bar = createProgress(`export ${table}`, 'rows');
          barTable = table;
        }
        bar?.update(done, total);
      },
    }).finally(() => bar?.stop());
    for (const f of summary.files) for (const note of f.notes) process.stderr.write(`renda: ${note}\n`);
    if (!values.quiet) {
      for (const f of summary.files) {
        const rows = f.tables.map((t) => `${t} ${summary.rows[t]!.toLocaleString('en')} rows`).join(', ');
        process.stdout.write(`renda: wrote ${f.path} (${rows}; ${kib(f.bytes)})\n`);
      }
      process.stdout.write(`renda: exported ${tables.length} table${tables.length > 1 ? 's' : ''} as ${format} in ${summary.seconds} s\n`);
    }
    return 0;
  },
};

const kib = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);
