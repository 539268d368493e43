import type { Db } from '../db.js';
import { inGb2312 } from '../../text/gb2312.js';
import { convertTraditional } from '../../text/simplify.js';
import { filterSql, type ItemFilter } from './filters.js';

/**
 * Full-text search over item text. FTS5's trigram tokenizer matches any substring of three or more
 * characters, which suits Chinese (no word boundaries to guess); shorter terms (食品, 预算) cannot
 * be looked up in a trigram index, so they become substring conditions on the rows the index (or
 * the other filters) already narrowed. Terms separated by spaces must all occur.
 */
export interface SearchHit {
  itemId: string;
  jurisdiction: string | null;
  level: string | null;
  year: number | null;
  kind: string;
  docType: string;
  text: string;
  snippet: string;
  sourcePath: string;
  page: number | null;
}

export interface SearchResult {
  terms: string[];
  total: number;
  hits: SearchHit[];
}

/** Trigram tokens need three characters. */
const MIN_INDEXED = 3;

/**
 * The query as the index holds text: full-width letters and digits folded (NFKC), traditional
 * characters simplified one by one (only characters outside GB2312, so a simplified query is never
 * changed), split on spaces.
 */
export function queryTerms(query: string): string[] {
  const folded = query.normalize('NFKC');
  const simplified = Array.from(folded, (ch) => (/\p{Script=Han}/u.test(ch) && !inGb2312(ch) ? convertTraditional(ch) : ch)).join('');
  return [...new Set(simplified.split(/\s+/).map((t) => t.trim()).filter(Boolean))];
}

const ftsPhrase = (term: string) => `"${term.replace(/"/g, '""')}"`;
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function search(db: Db, query: string, filter: ItemFilter, limit: number, mark: Marker = PLAIN_MARK): Promise<SearchResult> {
  const terms = queryTerms(query);
  if (!terms.length) return { terms, total: 0, hits: [] };
  const indexed = terms.filter((t) => [...t].length >= MIN_INDEXED);
  const short = terms.filter((t) => [...t].length < MIN_INDEXED);
  const f = filterSql(filter, 'v');
  const conds = [f.where, ...short.map(() => `v.text LIKE ? ESCAPE '\\'`)];
  const params: unknown[] = [...f.params, ...short.map(likePattern)];
  let from = 'v_items v';
  let order = 'v.jurisdiction_code, v.year, v.item_id';
  if (indexed.length) {
    // The index narrows first; bm25() ranks by how much of the item the terms make up.
    from = `items_fts f JOIN items_fts_rows r ON r.fts_rowid = f.rowid JOIN v_items v ON v.item_id = r.item_id`;
    conds.unshift('items_fts MATCH ?');
    params.unshift(indexed.map(ftsPhrase).join(' AND '));
    order = 'bm25(items_fts), v.item_id';
  }
  const where = conds.join(' AND ');
  const total = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${from} WHERE ${where}`, params))?.n ?? 0;
  const rows = await db.all<{
    item_id: string;
    jurisdiction: string | null;
    level: string | null;
    year: number | null;
    kind: string;
    doc_type: string;
    text: string;
    source_path: string;
    page: number | null;
  }>(
    `SELECT v.item_id, v.jurisdiction, v.level, v.year, v.kind, v.doc_type, v.text, v.source_path, v.page
     FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ?`,
    [...params, limit],
  );
  return {
    terms,
    total,
    hits: rows.map((r) => ({
      itemId: r.item_id,
      jurisdiction: r.jurisdiction,
      level: r.level,
      year: r.year,
      kind: r.kind,
      docType: r.doc_type,
      text: r.text,
      snippet: snippet(r.text, terms, mark),
      sourcePath: r.source_path,
      page: r.page,
    })),
  };
}

export interface Marker {
  open: string;
  close: string;
}
/** «» do not occur in Chinese official text, so a marked term is never confused with the text's own brackets. */
export const PLAIN_MARK: Marker = { open: '«', close: '»' };
export const ANSI_MARK: Marker = { open: '\x1b[1;31m', close: '\x1b[0m' };

/**
 * A window of the text around the first term found, every term marked. SQLite's snippet() counts
 * trigram tokens, which makes windows of odd sizes; a window in characters reads better.
 */
export function snippet(text: string, terms: string[], mark: Marker, before = 16, after = 40): string {
  const lower = text.toLowerCase();
  const positions = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((p) => p >= 0);
  const first = positions.length ? Math.min(...positions) : 0;
  const start = Math.max(0, first - before);
  const end = Math.min(text.length, first + after);
  // One pass with the longest terms first, so a term inside another is not marked twice.
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const window = text.slice(start, end).replace(new RegExp(alternatives.join('|'), 'gi'), (m) => `${mark.open}${m}${mark.close}`);
  return (start > 0 ? '…' : '') + window + (end < text.length ? '…' : '');
}
