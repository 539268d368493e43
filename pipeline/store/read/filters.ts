import { ITEM_KINDS, LEVELS, type ItemKind, type Level } from '../../../schemas/index.js';
import { UsageError } from '../../../schemas/errors.js';

/**
 * The item filters every read command shares (--kind, --level, --year, --jurisdiction), validated
 * before any query runs and turned into one SQL condition over v_items.
 */
export interface ItemFilter {
  kinds?: ItemKind[];
  levels?: Level[];
  years?: number[];
  /** Substring of the jurisdiction's name, province or prefecture, or a division code prefix. */
  jurisdiction?: string;
  docTypes?: string[];
  /** Count documents read from several files once (the default), or every copy. */
  includeCopies?: boolean;
}

function list(value: unknown): string[] {
  if (value === undefined) return [];
  const raw = Array.isArray(value) ? value : [value];
  return raw.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
}

function oneOf<T extends string>(option: string, values: string[], allowed: readonly T[]): T[] | undefined {
  for (const v of values) {
    if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${option}: '${v}' is not one of ${allowed.join(', ')}`);
  }
  return values.length ? (values as T[]) : undefined;
}

export function parseFilter(values: Record<string, unknown>): ItemFilter {
  const years = list(values.year).map((y) => {
    const range = /^(\d{4})(?:-(\d{4}))?$/.exec(y);
    if (!range) throw new UsageError(`--year: '${y}' is not a year or a range like 2023-2025`);
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (to < from) throw new UsageError(`--year: ${y} ends before it starts`);
    return Array.from({ length: to - from + 1 }, (_, k) => from + k);
  });
  return {
    kinds: oneOf('kind', list(values.kind), ITEM_KINDS),
    levels: oneOf('level', list(values.level), LEVELS),
    years: years.length ? years.flat() : undefined,
    jurisdiction: typeof values.jurisdiction === 'string' && values.jurisdiction.trim() ? values.jurisdiction.trim() : undefined,
    includeCopies: values['all-copies'] === true,
  };
}

/** Options for parseArgs, so every command spells them the same way. */
export const FILTER_OPTIONS = {
  kind: { type: 'string', multiple: true },
  level: { type: 'string', multiple: true },
  year: { type: 'string', multiple: true },
  jurisdiction: { type: 'string' },
  'all-copies': { type: 'boolean', default: false },
} as const;

export const FILTER_HELP = `  --kind <k,…>             only these kinds: ${ITEM_KINDS.join(', ')}
  --level <l,…>            only these levels: ${LEVELS.join(', ')}
  --year <y,…>             only these years, or a range: 2023-2025
  --jurisdiction <name>    only jurisdictions whose name, province or prefecture contains this,
                           or whose division code starts with it (e.g. 4109)
  --all-copies             also count documents ingested from more than one file (a plan saved
                           as PDF and as a web page counts once by default)`;

/** The WHERE condition (over v_items aliased `alias`) and its parameters. */
export function filterSql(f: ItemFilter, alias = 'v'): { where: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: unknown[] | undefined) => {
    if (!values?.length) return;
    conds.push(`${alias}.${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('kind', f.kinds);
  inList('level', f.levels);
  inList('year', f.years);
  inList('doc_type', f.docTypes);
  if (f.jurisdiction) {
    if (/^\d+$/.test(f.jurisdiction)) {
      conds.push(`${alias}.jurisdiction_code LIKE ? || '%'`);
      params.push(f.jurisdiction);
    } else {
      conds.push(`(instr(${alias}.jurisdiction, ?) > 0 OR instr(${alias}.province, ?) > 0 OR instr(${alias}.prefecture, ?) > 0)`);
      params.push(f.jurisdiction, f.jurisdiction, f.jurisdiction);
    }
  }
  if (!f.includeCopies) conds.push(`${alias}.copy_of IS NULL`);
  return { where: conds.length ? conds.join(' AND ') : '1', params };
}
