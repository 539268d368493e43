import { openForReading } from '../../store/read/open.js';
import { FILTER_HELP, FILTER_OPTIONS, parseFilter } from '../../store/read/filters.js';
import { GROUPINGS, parseGrouping } from '../compare/groups.js';
import { committeesTable, kindsTable, lawsTable, monthsTable, type CompareQuery } from '../compare/sections.js';
import { planReportPairs } from '../compare/plan-report.js';
import { planReportItems, planReportSummary } from '../compare/plan-report-tables.js';
import { UsageError } from '../../../schemas/errors.js';
import type { Command } from './command.js';
import { parse } from './command.js';
import { DB_HELP, DB_OPTION, FORMAT_HELP } from './db-option.js';
import { parseFormat, render, type Table } from '../table-format.js';

const SECTIONS = ['kinds', 'months', 'committees', 'laws', 'plans'] as const;
type Section = (typeof SECTIONS)[number];

const HELP = `Usage: renda compare --by level|province|prefecture|jurisdiction [filters] [--section …]

Compares groups of jurisdictions from the database:
  kinds       items per kind of act per group (and documents, items)
  months      in which months each kind is scheduled, per group (m1…m12; none = no month given)
  committees  which committees lead each kind, per group
  laws        laws inspected (执法检查) per group, with years and number of jurisdictions
  plans       for each jurisdiction and year with both a plan and a work report: how many planned
              items the report mentions, and item by item, with the report's words as evidence

Years: a document's year is the year it is for (a plan's year; a work report's congress session,
so the report read in January 2025 is 2025; news: its date). --year and the laws' years use it.
'plans' pairs a report with the plans of the year it reviews (its review year, 2024 above) and
shows that plan year.

Options:
  --by <grouping>          ${GROUPINGS.join(' | ')} (default: jurisdiction)
  --section <s,…>          only these sections (default: all; 'plans' adds the item detail)
${FILTER_HELP}
${DB_HELP}
${FORMAT_HELP}; csv needs a single --section

Exit codes: 0 done; 2 bad usage.`;

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare jurisdictions: kinds, months, committees, laws, plan vs report',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse('compare', argv, {
      ...DB_OPTION,
      ...FILTER_OPTIONS,
      by: { type: 'string', default: 'jurisdiction' },
      section: { type: 'string', multiple: true },
      format: { type: 'string', default: 'table' },
    });
    if (positionals.length) throw new UsageError(`compare: unexpected argument '${positionals[0]}'`);
    const by = parseGrouping(values.by);
    const format = parseFormat('compare', values.format);
    const filter = parseFilter(values);
    const requested = (values.section ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    for (const s of requested) {
      if (!(SECTIONS as readonly string[]).includes(s)) throw new UsageError(`compare: --section '${s}' is not one of ${SECTIONS.join(', ')}`);
    }
    const sections = (requested.length ? requested : SECTIONS) as readonly Section[];
    if (format === 'csv' && (sections.length !== 1 || (sections[0] === 'plans' && !requested.length))) {
      throw new UsageError(`compare: CSV holds one table; choose it with --section (${SECTIONS.join(', ')})`);
    }
    const db = await openForReading(values.db);
    try {
      const q: CompareQuery = { db, by, filter };
      const tables: Table[] = [];
      for (const section of sections) {
        if (section === 'kinds') tables.push(await kindsTable(q));
        if (section === 'months') tables.push(await monthsTable(q));
        if (section === 'committees') tables.push(await committeesTable(q));
        if (section === 'laws') tables.push(await lawsTable(q));
        if (section === 'plans') {
          const pairs = await planReportPairs(db, filter);
          // The item-by-item detail is long: shown when plans were asked for by name.
          if (format === 'csv') tables.push(planReportItems(pairs, true));
          else {
            tables.push(planReportSummary(pairs));
            if (requested.includes('plans')) tables.push(planReportItems(pairs, format !== 'table'));
          }
        }
      }
      process.stdout.write(render(tables, format));
      return 0;
    } finally {
      await db.close();
    }
  },
};
