import { ITEM_KINDS } from '../../../schemas/index.js';
import type { Table, Row } from '../table-format.js';
import type { Reader } from '../../store/similar/corpus.js';
import { filterSql, type ItemFilter } from '../../store/read/filters.js';
import { groupSql, type Grouping } from './groups.js';

/**
 * The tables of `renda compare`, one function per question an analyst asks. Each reads v_items
 * (copies excluded unless asked) under the same filter and grouping.
 */
export interface CompareQuery {
  db: Reader;
  by: Grouping;
  filter: ItemFilter;
}

function scope(q: CompareQuery) {
  const f = filterSql(q.filter, 'v');
  return { group: groupSql(q.by, 'v'), where: f.where, params: f.params };
}

/** Items per kind per group, with a total: the kind mix. */
export async function kindsTable(q: CompareQuery): Promise<Table> {
  const s = scope(q);
  const rows = await q.db.all<{ grp: string; kind: string; n: number; docs: number }>(
    `SELECT ${s.group} AS grp, v.kind, count(*) AS n FROM v_items v WHERE ${s.where} GROUP BY grp, v.kind`,
    s.params,
  );
  const docs = await q.db.all<{ grp: string; docs: number }>(
    `SELECT ${s.group} AS grp, count(DISTINCT v.document_id) AS docs FROM v_items v WHERE ${s.where} GROUP BY grp`,
    s.params,
  );
  const kinds = ITEM_KINDS.filter((k) => rows.some((r) => r.kind === k));
  const byGroup = new Map<string, Row>();
  for (const d of docs) byGroup.set(d.grp, { [q.by]: d.grp, documents: d.docs, items: 0, ...Object.fromEntries(kinds.map((k) => [k, 0])) });
  for (const r of rows) {
    const row = byGroup.get(r.grp)!;
    row[r.kind] = r.n;
    row.items = (row.items as number) + r.n;
  }
  return {
    title: 'items per kind',
    columns: [q.by, 'documents', 'items', ...kinds],
    rows: [...byGroup.values()].sort((a, b) => (b.items as number) - (a.items as number) || String(a[q.by]).localeCompare(String(b[q.by]), 'zh')),
  };
}

/** In which months each kind is scheduled, per group: item counts per month, and those with none. */
export async function monthsTable(q: CompareQuery): Promise<Table> {
  const s = scope(q);
  const rows = await q.db.all<{ grp: string; kind: string; month: number | null; n: number }>(
    `SELECT ${s.group} AS grp, v.kind, m.month, count(DISTINCT v.item_id) AS n
     FROM v_items v LEFT JOIN item_months m ON m.item_id = v.item_id
     WHERE ${s.where} GROUP BY grp, v.kind, m.month`,
    s.params,
  );
  const months = Array.from({ length: 12 }, (_, k) => `m${k + 1}`);
  const out = new Map<string, Row>();
  for (const r of rows) {
    const key = `${r.grp}\u0000${r.kind}`;
    const row = out.get(key) ?? { [q.by]: r.grp, kind: r.kind, ...Object.fromEntries(months.map((m) => [m, 0])), none: 0 };
    row[r.month === null ? 'none' : `m${r.month}`] = r.n;
    out.set(key, row);
  }
  const kindOrder = (k: unknown) => ITEM_KINDS.indexOf(k as (typeof ITEM_KINDS)[number]);
  return {
    title: 'months per kind',
    columns: [q.by, 'kind', ...months, 'none'],
    rows: [...out.values()].sort((a, b) => String(a[q.by]).localeCompare(String(b[q.by]), 'zh') || kindOrder(a.kind) - kindOrder(b.kind)),
  };
}

/** Which committees lead each kind, per group, most items first. */
export async function committeesTable(q: CompareQuery): Promise<Table> {
  const s = scope(q);
  const rows = await q.db.all<Row>(
    `SELECT ${s.group} AS "${q.by}", v.kind, coalesce(v.committee_key, '(none named)') AS committee, count(*) AS items
     FROM v_items v WHERE ${s.where} GROUP BY 1, 2, 3 ORDER BY 1, 2, items DESC, committee`,
    s.params,
  );
  return { title: 'lead committees per kind', columns: [q.by, 'kind', 'committee', 'items'], rows };
}

/** Laws inspected (执法检查), per group: which laws, in which years, in how many jurisdictions. */
export async function lawsTable(q: CompareQuery): Promise<Table> {
  const s = scope({ ...q, filter: { ...q.filter, kinds: ['law_check'] } });
  const rows = await q.db.all<Row>(
    `SELECT ${s.group} AS "${q.by}", l.law, group_concat(DISTINCT v.year) AS years,
            count(DISTINCT coalesce(v.jurisdiction_code, v.jurisdiction)) AS jurisdictions, count(DISTINCT v.item_id) AS items
     FROM v_items v JOIN item_laws l ON l.item_id = v.item_id
     WHERE ${s.where} GROUP BY 1, 2 ORDER BY 1, items DESC, l.law`,
    s.params,
  );
  return { title: 'laws inspected', columns: [q.by, 'law', 'years', 'jurisdictions', 'items'], rows };
}
