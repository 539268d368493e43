import type { Db } from '../../store/db.js';
import { ITEM_KINDS } from '../../../schemas/index.js';
import { UNKNOWN_JURISDICTION } from './labels.js';

/**
 * What the report shows, read from the analyst views of a renda database. The charts take the
 * aggregate views as they are (v_kind_counts, v_month_kind, v_law_checks), so the page counts
 * exactly what an analyst's query counts, twins included or not as the store defines them; the
 * item table lists every item of v_items.
 */
export interface ReportData {
  documents: ReportDocument[];
  items: ReportItem[];
  /** One row per jurisdiction, from v_kind_counts. */
  kindMix: KindMixRow[];
  /** Non-zero (kind, month) cells of v_month_kind. */
  monthKind: MonthKindCell[];
  /** One row per jurisdiction with law checks, from v_law_checks. */
  lawChecks: LawCheckRow[];
  /** Kinds in vocabulary order, then any the database holds beyond it. */
  kinds: string[];
}

/** A jurisdiction as the views identify it: code and name (either may be null). */
export interface Jurisdiction {
  /** Stable identity for grouping and filtering: `code|name`. */
  key: string;
  /** The name, or "(unknown jurisdiction)" when the document named none that resolved. */
  name: string;
  code: string | null;
  level: string | null;
}

export interface ReportDocument {
  id: string;
  title: string;
  docType: string;
  year: number | null;
  /** Work reports: the year reviewed (schema ≥ 3), else null. */
  reviewYear: number | null;
  jurisdiction: Jurisdiction;
  /** As stored: the path given to `renda ingest`, relative to the working folder of that run. */
  sourcePath: string;
  extractor: string;
  items: number;
  /** The canonical document's id when the store marks this one a twin copy (schema ≥ 2), else null. */
  copyOf: string | null;
}

export interface ReportItem {
  id: string;
  /** Index into ReportData.documents. */
  document: number;
  number: string | null;
  kind: string;
  months: number[];
  committeeKey: string | null;
  committeeRaw: string | null;
  text: string;
  page: number | null;
}

export interface KindMixRow {
  jurisdiction: Jurisdiction;
  counts: Record<string, number>;
  total: number;
}

export interface MonthKindCell {
  kind: string;
  month: number;
  count: number;
}

export interface LawCheckRow {
  jurisdiction: Jurisdiction;
  /** Each law inspected, with the years and number of items that name it. */
  laws: Array<{ law: string; years: number[]; items: number }>;
}

interface JurisdictionColumns {
  jurisdiction: string | null;
  jurisdiction_code: string | null;
  level: string | null;
}

export async function readReportData(db: Db): Promise<ReportData> {
  const documents = await readDocuments(db);
  const index = new Map(documents.map((d, i) => [d.id, i]));
  const itemRows = await db.all<{
    item_id: string; document_id: string; number: string | null; kind: string; months: string | null;
    committee_key: string | null; committee_raw: string | null; text: string; page: number | null;
  }>(
    // Months come from item_months rather than a view column, so older databases read too; items
    // keep document order (span_start), which v_items does not carry.
    `SELECT v.item_id, v.document_id, v.number, v.kind, v.committee_key, v.committee_raw, v.text, v.page,
            (SELECT group_concat(m.month) FROM item_months m WHERE m.item_id = v.item_id) AS months
     FROM v_items v JOIN items i ON i.id = v.item_id
     ORDER BY v.document_id, i.span_start, v.item_id`,
  );
  const items: ReportItem[] = itemRows
    .map((r) => ({
      id: r.item_id,
      document: index.get(r.document_id) ?? -1,
      number: r.number,
      kind: r.kind,
      months: r.months ? r.months.split(',').map(Number).sort((a, b) => a - b) : [],
      committeeKey: r.committee_key,
      committeeRaw: r.committee_raw,
      text: r.text,
      page: r.page,
    }))
    .sort((a, b) => a.document - b.document);

  const kindRows = await db.all<JurisdictionColumns & { kind: string; items: number }>(
    `SELECT jurisdiction, jurisdiction_code, level, kind, sum(items) AS items
     FROM v_kind_counts GROUP BY jurisdiction, jurisdiction_code, level, kind`,
  );
  const monthKind = (await db.all<{ kind: string; month: number; items: number }>('SELECT kind, month, items FROM v_month_kind'))
    .filter((r) => r.items > 0)
    .map((r) => ({ kind: r.kind, month: r.month, count: r.items }));
  const lawRows = await db.all<JurisdictionColumns & { law: string; years: string | null; items: number }>(
    `SELECT jurisdiction, jurisdiction_code, level, law, group_concat(DISTINCT year) AS years, count(DISTINCT item_id) AS items
     FROM v_law_checks GROUP BY jurisdiction, jurisdiction_code, level, law ORDER BY law`,
  );

  const kinds: string[] = [...ITEM_KINDS];
  for (const k of [...kindRows.map((r) => r.kind), ...monthKind.map((c) => c.kind), ...items.map((i) => i.kind)]) {
    if (!kinds.includes(k)) kinds.push(k);
  }
  return { documents, items, kindMix: kindMix(kindRows), monthKind, lawChecks: lawChecks(lawRows), kinds };
}

async function readDocuments(db: Db): Promise<ReportDocument[]> {
  // copy_of arrives with store schema 2; an older database simply has no twins marked.
  const columns = await db.all<{ name: string }>("SELECT name FROM pragma_table_info('v_documents')");
  const copyOf = columns.some((c) => c.name === 'copy_of') ? 'v.copy_of' : 'NULL';
  const reviewYear = columns.some((c) => c.name === 'review_year') ? 'v.review_year' : 'NULL';
  const rows = await db.all<JurisdictionColumns & {
    document_id: string; title: string; doc_type: string; year: number | null; review_year: number | null; source_path: string;
    extractor: string; items: number; copy_of: string | null;
  }>(
    `SELECT v.document_id, v.title, v.doc_type, v.year, ${reviewYear} AS review_year, v.jurisdiction, v.jurisdiction_code, v.level, v.source_path,
            v.extractor, v.items, ${copyOf} AS copy_of
     FROM v_documents v JOIN documents d ON d.id = v.document_id
     ORDER BY v.source_path, d.ordinal, v.document_id`,
  );
  return rows.map((r) => ({
    id: r.document_id,
    title: r.title,
    docType: r.doc_type,
    year: r.year,
    reviewYear: r.review_year,
    jurisdiction: jurisdiction(r),
    sourcePath: r.source_path,
    extractor: r.extractor,
    items: r.items,
    copyOf: r.copy_of,
  }));
}

export function jurisdiction(r: JurisdictionColumns): Jurisdiction {
  return {
    key: `${r.jurisdiction_code ?? ''}|${r.jurisdiction ?? ''}`,
    name: r.jurisdiction ?? UNKNOWN_JURISDICTION,
    code: r.jurisdiction_code,
    level: r.level,
  };
}

const LEVEL_ORDER = ['province', 'prefecture', 'county'];

/** Province before prefecture before county before unknown, then the name, so charts line up. */
export function compareJurisdictions(a: Jurisdiction, b: Jurisdiction): number {
  const rank = (j: Jurisdiction) => (j.level && LEVEL_ORDER.includes(j.level) ? LEVEL_ORDER.indexOf(j.level) : LEVEL_ORDER.length);
  return rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN') || a.key.localeCompare(b.key);
}

function kindMix(rows: Array<JurisdictionColumns & { kind: string; items: number }>): KindMixRow[] {
  const byKey = new Map<string, KindMixRow>();
  for (const r of rows) {
    const j = jurisdiction(r);
    const row = byKey.get(j.key) ?? { jurisdiction: j, counts: {}, total: 0 };
    row.counts[r.kind] = (row.counts[r.kind] ?? 0) + r.items;
    row.total += r.items;
    byKey.set(j.key, row);
  }
  return [...byKey.values()].sort((a, b) => compareJurisdictions(a.jurisdiction, b.jurisdiction));
}

function lawChecks(rows: Array<JurisdictionColumns & { law: string; years: string | null; items: number }>): LawCheckRow[] {
  const byKey = new Map<string, LawCheckRow>();
  for (const r of rows) {
    const j = jurisdiction(r);
    const row = byKey.get(j.key) ?? { jurisdiction: j, laws: [] };
    const years = r.years ? r.years.split(',').map(Number).sort((a, b) => a - b) : [];
    row.laws.push({ law: r.law, years, items: r.items });
    byKey.set(j.key, row);
  }
  return [...byKey.values()].sort((a, b) => compareJurisdictions(a.jurisdiction, b.jurisdiction));
}
