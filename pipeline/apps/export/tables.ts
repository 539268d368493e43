import { filterSql, type ItemFilter } from '../../store/read/filters.js';
import { TABLE_COLUMNS, type Column, type TableName } from './columns.js';
import { COPIES_TABLE } from './_copies.js';

/**
 * The SQL behind each exported table. Each is written over the base tables rather than over
 * v_items / v_documents, because those views compute the twin copies with a window over every
 * document on each query, which a batched read would repeat a thousand times; here the copies come
 * from a temporary table filled once (`_copies.ts`). Column names are the views' own, and the test
 * compares every exported value with the views.
 *
 * List columns are JSON arrays at this level (months `[3,6]`, kinds, laws), so `--where` can use
 * json_each on them; booleans are 0/1.
 */
const ITEMS = `
SELECT i.id AS item_id, d.id AS document_id, s.id AS source_id,
       j.name AS jurisdiction, j.code AS jurisdiction_code, j.level, j.province, j.prefecture,
       d.year, d.review_year, d.doc_type, d.title AS document_title,
       i.path, i.number, i.kind, i.kinds,
       (SELECT json_group_array(month) FROM (SELECT month FROM item_months WHERE item_id = i.id ORDER BY month)) AS months,
       i.committee_key, i.committee_raw, i.organ,
       (SELECT json_group_array(law) FROM (SELECT law FROM item_laws WHERE item_id = i.id ORDER BY law)) AS laws,
       i.text, i.page, i.confidence, i.rule, s.path AS source_path,
       nullif(c.canonical_id, d.id) AS copy_of, c.canonical_id <> d.id AS is_copy
FROM items i
JOIN documents d ON d.id = i.document_id
JOIN sources s ON s.id = d.source_id
JOIN ${COPIES_TABLE} c ON c.document_id = d.id
LEFT JOIN jurisdictions j ON j.id = d.jurisdiction_id`;

const DOCUMENTS = `
SELECT d.id AS document_id, s.id AS source_id, d.title, d.doc_type, d.year, d.review_year, d.adopted_date, d.published_date,
       j.name AS jurisdiction, j.code AS jurisdiction_code, j.level, j.province, j.prefecture,
       s.path AS source_path, s.extractor,
       (SELECT count(*) FROM items i WHERE i.document_id = d.id) AS items,
       (SELECT count(*) FROM document_warnings w WHERE w.document_id = d.id) AS warnings,
       nullif(c.canonical_id, d.id) AS copy_of, c.canonical_id <> d.id AS is_copy
FROM documents d
JOIN sources s ON s.id = d.source_id
JOIN ${COPIES_TABLE} c ON c.document_id = d.id
LEFT JOIN jurisdictions j ON j.id = d.jurisdiction_id`;

const SOURCES = `
SELECT s.id AS source_id, s.path AS source_path, s.sha256, s.media_type, s.extractor, s.pages, s.ingested_at,
       (SELECT count(*) FROM documents d WHERE d.source_id = s.id) AS documents,
       (SELECT count(*) FROM items i JOIN documents d ON d.id = i.document_id WHERE d.source_id = s.id) AS items
FROM sources s`;

const LAW_CHECKS = `
SELECT v.item_id, l.law, v.document_id, v.jurisdiction, v.jurisdiction_code, v.level, v.province, v.prefecture,
       v.year, v.doc_type, v.months, v.committee_key, v.text, v.source_path, v.copy_of, v.is_copy, v.kind
FROM (${ITEMS}) v
JOIN item_laws l ON l.item_id = v.item_id
WHERE v.kind = 'law_check'`;

export interface TableQuery {
  table: TableName;
  columns: Column[];
  /** The rows, filtered, as `SELECT … FROM (…) t WHERE …` with `t` the table's own columns. */
  from: string;
  where: string;
  params: unknown[];
  /** Columns that order the rows and resume a batched read after the last row (keyset paging). */
  key: string[];
}

/**
 * The filtered rows of one table. The item filters (--kind, --level, --year, --jurisdiction,
 * copies) select items and law checks directly; documents by their own level, year, jurisdiction
 * and copy status, and by kind when they hold at least one item of it; sources when they hold at
 * least one selected document. `where` is the user's own condition over the table's columns.
 */
export function tableQuery(table: TableName, filter: ItemFilter, where?: string): TableQuery {
  const columns = TABLE_COLUMNS[table];
  const user = where ? [`(${where})`] : [];
  const documentFilter = (alias: string) => {
    const f = filterSql({ ...filter, kinds: undefined }, alias);
    const conds = [f.where];
    const params = [...f.params];
    if (filter.kinds?.length) {
      conds.push(`EXISTS (SELECT 1 FROM items i WHERE i.document_id = ${alias}.document_id AND i.kind IN (${filter.kinds.map(() => '?').join(', ')}))`);
      params.push(...filter.kinds);
    }
    return { where: conds.join(' AND '), params };
  };
  if (table === 'items' || table === 'law_checks') {
    const f = filterSql(filter, 't');
    return {
      table,
      columns,
      from: `(${table === 'items' ? ITEMS : LAW_CHECKS}) t`,
      where: [f.where, ...user].join(' AND '),
      params: f.params,
      key: table === 'items' ? ['item_id'] : ['item_id', 'law'],
    };
  }
  if (table === 'documents') {
    const f = documentFilter('t');
    return { table, columns, from: `(${DOCUMENTS}) t`, where: [f.where, ...user].join(' AND '), params: f.params, key: ['document_id'] };
  }
  const f = documentFilter('d');
  return {
    table,
    columns,
    from: `(${SOURCES}) t`,
    where: [`EXISTS (SELECT 1 FROM (${DOCUMENTS}) d WHERE d.source_id = t.source_id AND ${f.where})`, ...user].join(' AND '),
    params: f.params,
    key: ['source_id'],
  };
}
