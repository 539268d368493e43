import { openForReading } from '../../store/read/open.js';
import { FILTER_HELP, FILTER_OPTIONS, parseFilter } from '../../store/read/filters.js';
import { ANSI_MARK, PLAIN_MARK, search } from '../../store/read/search.js';
import { UsageError } from '../../../schemas/errors.js';
import type { Command } from './command.js';
import { parse } from './command.js';
import { DB_HELP, DB_OPTION, FORMAT_HELP } from './db-option.js';
import { clip, parseFormat, render } from '../table-format.js';

const HELP = `Usage: renda search "<words>" [--kind …] [--level …] [--year …] [--db <path>]

Finds items whose text contains every word (separate words with spaces; traditional characters
and full-width letters are folded as in the documents). Words of three or more characters use the
full-text index; shorter ones are matched as substrings. Best matches first.

Options:
${FILTER_HELP}
  --limit <n>              at most n rows (default 20)
${DB_HELP}
${FORMAT_HELP}

Exit codes: 0 (also when nothing matched); 2 bad usage.`;

export const searchCommand: Command = {
  name: 'search',
  summary: 'full-text search over items',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse('search', argv, {
      ...DB_OPTION,
      ...FILTER_OPTIONS,
      limit: { type: 'string', default: '20' },
      format: { type: 'string', default: 'table' },
    });
    if (positionals.length === 0 || !positionals.join('').trim()) throw new UsageError('search: give the words to search for');
    const format = parseFormat('search', values.format);
    const filter = parseFilter(values);
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`search: --limit must be a positive whole number`);
    const db = await openForReading(values.db);
    try {
      const colour = format === 'table' && process.stdout.isTTY;
      const result = await search(db, positionals.join(' '), filter, limit, colour ? ANSI_MARK : PLAIN_MARK);
      const rows = result.hits.map((h) => ({
        jurisdiction: h.jurisdiction,
        level: h.level,
        year: h.year,
        kind: h.kind,
        ...(format === 'table' ? { snippet: clip(h.snippet, 72), item: h.itemId } : { item: h.itemId, snippet: h.snippet, text: h.text, source: h.sourcePath, page: h.page }),
      }));
      const columns = rows.length ? Object.keys(rows[0]!) : ['jurisdiction', 'level', 'year', 'kind', 'snippet', 'item'];
      process.stdout.write(render([{ title: 'search', columns, rows }], format));
      if (format === 'table') process.stderr.write(`${result.hits.length} of ${result.total} items\n`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
