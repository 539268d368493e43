/**
 * The exported tables and their columns: the contract analysts code against, so names and types
 * never change without a note in the README. Names are those of the SQLite views (v_items,
 * v_documents, v_law_checks); ids are the database's and the JSON files' own, so every row joins
 * back to both.
 *
 * Column types, and how each format holds them:
 *
 * | type           | Parquet                    | CSV / XLSX                      | JSON lines     |
 * |----------------|----------------------------|---------------------------------|----------------|
 * | `text`, `code` | string (UTF-8)             | text (codes never as numbers)   | string         |
 * | `integer`      | int32                      | number                          | number         |
 * | `real`         | double                     | number                          | number         |
 * | `boolean`      | boolean                    | `true` / `false` (XLSX: boolean) | true / false  |
 * | `integer_list` | list<int32>                | joined by `;` (`3;6`)           | array          |
 * | `text_list`    | list<string>               | joined by `;`                   | array          |
 *
 * NULL stays NULL (an empty CSV field, an empty cell); lists are never NULL, an empty list is an
 * empty field.
 */
export type ColumnType = 'text' | 'code' | 'integer' | 'real' | 'boolean' | 'integer_list' | 'text_list';

export interface Column {
  name: string;
  type: ColumnType;
  /** Excel column width in characters (a Han character counts about two). */
  width: number;
  /** One line for `renda export --help` and the README. */
  doc: string;
}

export const TABLE_NAMES = ['items', 'documents', 'sources', 'law_checks'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const c = (name: string, type: ColumnType, width: number, doc: string): Column => ({ name, type, width, doc });

/** Jurisdiction columns, the same in every table that has them. */
const JURISDICTION: Column[] = [
  c('jurisdiction', 'text', 14, 'jurisdiction name (濮阳县); NULL when unknown'),
  c('jurisdiction_code', 'code', 10, 'GB/T 2260 division code, a string (leading zeros kept)'),
  c('level', 'text', 10, 'province, prefecture or county'),
  c('province', 'text', 12, 'province name'),
  c('prefecture', 'text', 12, 'prefecture name; NULL for a province'),
];

/** Twin copies (the same document read from another file): marked, never merged. */
const COPY: Column[] = [
  c('copy_of', 'text', 20, 'the canonical document when this one is a twin copy, else NULL'),
  c('is_copy', 'boolean', 7, 'copy_of is not NULL'),
];

/** A document's year and, for a work report, the year it reviews. */
const YEARS: Column[] = [
  c('year', 'integer', 6, 'the year the document is for'),
  c('review_year', 'integer', 8, 'work reports: the year they review'),
];

export const TABLE_COLUMNS: Record<TableName, Column[]> = {
  items: [
    c('item_id', 'text', 26, 'item id, as in the database and the JSON files'),
    c('document_id', 'text', 20, 'the document holding the item'),
    c('source_id', 'text', 18, 'the source file (first 16 hex digits of its sha256)'),
    ...JURISDICTION,
    ...YEARS,
    c('doc_type', 'text', 16, 'work_points, supervision_plan, agenda, work_report, …'),
    c('document_title', 'text', 40, 'the document title'),
    c('path', 'text', 8, 'position in the document hierarchy (1.2.3)'),
    c('number', 'text', 6, 'the item number as written'),
    c('kind', 'text', 12, 'primary kind of act: law_check, decision, report, …'),
    c('kinds', 'text_list', 16, 'every kind of act the item carries out'),
    c('months', 'integer_list', 8, 'months scheduled (1–12); empty when none'),
    c('committee_key', 'text', 20, 'lead committee (finance_economy, …)'),
    c('committee_raw', 'text', 20, 'the lead committee as written'),
    c('organ', 'text', 12, 'whose report is heard (government, court, …)'),
    c('laws', 'text_list', 30, 'laws the item names'),
    c('text', 'text', 80, 'the item text'),
    c('page', 'integer', 5, 'PDF page, from 1'),
    c('confidence', 'real', 6, 'the deciding rule’s weight'),
    c('rule', 'text', 16, 'the rule that decided kind'),
    c('source_path', 'text', 30, 'the source file as given to ingest'),
    ...COPY,
  ],
  documents: [
    c('document_id', 'text', 20, 'document id, as in the database and the JSON files'),
    c('source_id', 'text', 18, 'the source file'),
    c('title', 'text', 40, 'the document title'),
    c('doc_type', 'text', 16, 'work_points, supervision_plan, agenda, work_report, …'),
    ...YEARS,
    c('adopted_date', 'text', 11, 'ISO date adopted, when stated'),
    c('published_date', 'text', 11, 'ISO date published, when stated'),
    ...JURISDICTION,
    c('source_path', 'text', 30, 'the source file as given to ingest'),
    c('extractor', 'text', 8, 'text, html, pdf, docx, doc, ocr or pdf+ocr'),
    c('items', 'integer', 6, 'number of items'),
    c('warnings', 'integer', 8, 'number of warnings'),
    ...COPY,
  ],
  sources: [
    c('source_id', 'text', 18, 'first 16 hex digits of the file’s sha256'),
    c('source_path', 'text', 40, 'the file as given to ingest'),
    c('sha256', 'text', 66, 'sha256 of the file’s bytes'),
    c('media_type', 'text', 16, 'text/plain, application/pdf, …'),
    c('extractor', 'text', 8, 'text, html, pdf, docx, doc, ocr or pdf+ocr'),
    c('pages', 'integer', 6, 'PDF pages'),
    c('ingested_at', 'text', 24, 'when it was ingested (ISO time)'),
    c('documents', 'integer', 9, 'number of documents read from it'),
    c('items', 'integer', 6, 'number of items read from it'),
  ],
  law_checks: [
    c('item_id', 'text', 26, 'the law-check item'),
    c('law', 'text', 36, 'one law it inspects (one row per item and law)'),
    c('document_id', 'text', 20, 'the document holding the item'),
    ...JURISDICTION,
    c('year', 'integer', 6, 'the year the document is for'),
    c('doc_type', 'text', 16, 'the document type'),
    c('months', 'integer_list', 8, 'months scheduled; empty when none'),
    c('committee_key', 'text', 20, 'lead committee'),
    c('text', 'text', 80, 'the item text'),
    c('source_path', 'text', 30, 'the source file'),
    ...COPY,
  ],
};

/**
 * The separator of list values in CSV and XLSX cells. Kinds and months never hold it, and Chinese
 * law titles write the full-width ；, so splitting on it gives the list back.
 */
export const LIST_SEPARATOR = ';';
