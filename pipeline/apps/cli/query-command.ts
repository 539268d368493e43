import { openForReading } from '../../store/read/open.js';
import { QueryError, runQuery } from '../../store/read/query.js';
import { UsageError } from '../../../schemas/errors.js';
import type { Command } from './command.js';
import { parse } from './command.js';
import { DB_HELP, DB_OPTION, FORMAT_HELP } from './db-option.js';
import { parseFormat, render } from '../table-format.js';

const HELP = `Usage: renda query "<sql>" [--db <path>] [--format table|csv|json]

Runs one SQL statement on a read-only connection and prints the rows. Start from the views:
v_items, v_documents, v_kind_counts, v_month_kind, v_committee_kind, v_law_checks, v_similar,
v_document_copies (the README shows each with an example). Writing is refused.

Options:
${DB_HELP}
${FORMAT_HELP}

Exit codes: 0 rows printed (possibly none); 1 the SQL failed or tried to write; 2 bad usage.`;

export const queryCommand: Command = {
  name: 'query',
  summary: 'run SQL on the database, read-only',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse('query', argv, { ...DB_OPTION, format: { type: 'string', default: 'table' } });
    if (positionals.length !== 1) throw new UsageError('query: give exactly one SQL statement, quoted');
    const format = parseFormat('query', values.format);
    const db = await openForReading(values.db);
    try {
      const rows = await runQuery(db, positionals[0]!);
      const columns = rows.length ? Object.keys(rows[0]!) : [];
      process.stdout.write(render([{ title: 'query', columns, rows: rows as never }], format));
      return 0;
    } catch (err) {
      if (!(err instanceof QueryError)) throw err;
      process.stderr.write(`renda: ${err.code}: ${err.message}\n`);
      return 1;
    } finally {
      await db.close();
    }
  },
};
