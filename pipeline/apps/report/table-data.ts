import { denseRanks } from './_collate.js';
import { hasPages, sourceHref } from './_links.js';
import type { ReportData } from './data.js';
import { COMMITTEE_LABELS, DOC_TYPE_LABELS, KIND_LABELS, label, LEVEL_LABELS } from './labels.js';

/**
 * The item table's data as the page receives it: columns rather than one object per item, and
 * every value that repeats (kind, committee, number, jurisdiction, document type, and all of a
 * document's fields) stored once in a lookup table that the columns index. Labels are resolved
 * here, and the sort ranks of strings computed here (_collate.ts), so the page only looks up and
 * compares integers. At 100,000 items this is a third smaller than one object per item, and most
 * of what is left is the item texts themselves.
 *
 * Client shape (client-data.ts reads it):
 * - kinds, levels, types, places, committees: [key, label] pairs; an id is an index into one.
 *   kinds and levels are in sort order (vocabulary order); places, types and committees carry a
 *   dense rank (`*Rank`) by their label.
 * - docs: columns over documents: place id, level id (-1 none), year (null none), type id, title,
 *   path, path rank, href (relative, percent-encoded), pdf (1: links take #page=N), copy (1: twin).
 * - items: columns over items in document order; `perDoc` is how many items each document has
 *   (items are grouped by document, so this replaces an index per item). k kind id, m months as
 *   bits (bit 0 = January), c committee id, t text, p page (0 none: pages count from 1), n number
 *   id into `numbers`, r the text's rank.
 */
export interface ClientData {
  kinds: Array<[string, string]>;
  levels: Array<[string, string]>;
  /** How many of `levels` are the vocabulary's; any others (a newer store's) sort together after them. */
  knownLevels: number;
  types: Array<[string, string]>;
  typeRank: number[];
  places: Array<[string, string]>;
  placeRank: number[];
  committees: Array<[string, string]>;
  committeeRank: number[];
  numbers: string[];
  docs: { place: number[]; level: number[]; year: Array<number | null>; type: number[]; title: string[]; path: string[];
    pathRank: number[]; href: string[]; pdf: number[]; copy: number[] };
  items: { perDoc: number[]; k: number[]; m: number[]; c: number[]; t: string[]; p: number[]; n: number[]; r: number[] };
}

/** Ids in first-seen order for values that repeat; `of` returns the id, adding the value if new. */
function lookup<T>(keyOf: (v: T) => string = String) {
  const ids = new Map<string, number>();
  const values: T[] = [];
  return {
    values,
    of(v: T): number {
      const key = keyOf(v);
      let id = ids.get(key);
      if (id === undefined) {
        id = values.length;
        ids.set(key, id);
        values.push(v);
      }
      return id;
    },
  };
}

export function clientData(data: ReportData, ctx: { cwd: string; reportDir: string }): ClientData {
  const kinds = data.kinds.map((k): [string, string] => [k, label(KIND_LABELS, k)]);
  const kindId = new Map(data.kinds.map((k, i) => [k, i]));
  const levels = lookup<[string, string]>((v) => v[0]);
  for (const l of Object.keys(LEVEL_LABELS)) levels.of([l, label(LEVEL_LABELS, l)]);
  const types = lookup<[string, string]>((v) => v[0]);
  const places = lookup<[string, string]>((v) => v[0]);
  const docs = {
    place: [] as number[], level: [] as number[], year: [] as Array<number | null>, type: [] as number[], title: [] as string[],
    path: [] as string[], pathRank: [] as number[], href: [] as string[], pdf: [] as number[], copy: [] as number[],
  };
  for (const d of data.documents) {
    docs.place.push(places.of([d.jurisdiction.key, d.jurisdiction.name]));
    docs.level.push(d.jurisdiction.level === null ? -1 : levels.of([d.jurisdiction.level, label(LEVEL_LABELS, d.jurisdiction.level)]));
    docs.year.push(d.year);
    docs.type.push(types.of([d.docType, label(DOC_TYPE_LABELS, d.docType)]));
    docs.title.push(d.title);
    docs.path.push(d.sourcePath);
    docs.href.push(sourceHref(d.sourcePath, null, ctx));
    docs.pdf.push(hasPages(d.sourcePath) ? 1 : 0);
    docs.copy.push(d.copyOf !== null ? 1 : 0);
  }
  docs.pathRank = denseRanks(docs.path);

  const committees = lookup<[string, string]>((v) => `${v[0]}\n${v[1]}`);
  const numbers = lookup<string>();
  const items = { perDoc: data.documents.map(() => 0), k: [] as number[], m: [] as number[], c: [] as number[], t: [] as string[],
    p: [] as number[], n: [] as number[], r: [] as number[] };
  let last = 0;
  for (const i of data.items) {
    // readReportData groups items by document; the per-document counts rely on it.
    if (i.document < last) throw new Error('report: items are not in document order');
    last = i.document;
    items.perDoc[i.document]++;
    items.k.push(kindId.get(i.kind)!);
    items.m.push(i.months.reduce((bits, m) => (m >= 1 && m <= 12 ? bits | (1 << (m - 1)) : bits), 0));
    // "other" says less than the body's own name, so that one shows as written.
    const shown = i.committeeKey && i.committeeKey !== 'other' ? label(COMMITTEE_LABELS, i.committeeKey) : (i.committeeRaw ?? '');
    items.c.push(committees.of([i.committeeKey ?? '', shown]));
    items.t.push(i.text);
    items.p.push(i.page ?? 0);
    items.n.push(numbers.of(i.number ?? ''));
  }
  items.r = denseRanks(items.t);
  return {
    kinds,
    levels: levels.values,
    knownLevels: Object.keys(LEVEL_LABELS).length,
    types: types.values,
    typeRank: denseRanks(types.values.map((t) => t[1])),
    places: places.values,
    placeRank: denseRanks(places.values.map((p) => p[1])),
    committees: committees.values,
    committeeRank: denseRanks(committees.values.map((c) => c[1])),
    numbers: numbers.values,
    docs,
    items,
  };
}
