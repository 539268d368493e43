import { UsageError } from '../../../schemas/errors.js';
import { writeReport } from '../report/index.js';
import type { Command } from './command.js';
import { DB_HELP, DB_OPTION } from './db-option.js';
import { parse } from './command.js';

export const reportCommand: Command = {
  name: 'report',
  summary: 'write a self-contained HTML page with charts and an item table',
  help: `Usage: renda report [--db <path>] [--out <file>]

Reads a renda database (read-only) and writes one HTML page that needs nothing else — no network,
no other files — and opens from disk: kind mix per jurisdiction, a month × kind heat map, law checks
per jurisdiction, the documents, and every item in a table that sorts by any column and filters by
text, kind, jurisdiction, level and year, linking each item to its source file (and PDF page).

Options:
${DB_HELP}
  --out, -o <file>         page to write (default: report.html beside the database)
  --quiet, -q              print nothing on success`,
  async run(argv) {
    const { values, positionals } = parse('report', argv, {
      ...DB_OPTION,
      out: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', short: 'q', default: false },
    });
    if (positionals.length) throw new UsageError(`report: unexpected argument '${positionals[0]}' (the database is --db <path>)`);
    const summary = await writeReport({ db: values.db as string, out: values.out as string | undefined });
    if (!values.quiet) {
      process.stdout.write(
        `renda: wrote ${summary.out} (${(summary.bytes / 1024).toFixed(0)} KiB): ${summary.documents} documents, ` +
          `${summary.items} items, ${summary.jurisdictions} jurisdictions, ${summary.seconds} s\n`,
      );
    }
    return 0;
  },
};
