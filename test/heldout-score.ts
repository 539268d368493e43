import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Document, Item } from '../schemas/index.js';
import { analyse } from '../pipeline/analyse.js';
import { normalise } from '../pipeline/normalize.js';
import { readAndExtract } from '../pipeline/read-source.js';
import { convertTraditional } from '../pipeline/simplify.js';
import { plain } from './helpers.js';

/**
 * Scores renda on fixtures/heldout/: documents written in the style of real plans from other
 * provinces, whose answer keys were written by hand before renda was run on them. Keys name each
 * item by its first 12 characters; items are aligned in order.
 */
interface KeyItem {
  start: string;
  kind: string;
  months: number[];
  committee: string | null;
  organ: string | null;
}
interface KeyDocument {
  title: string;
  docType: string;
  year: number;
  jurisdiction: { name: string; code: string; level: string };
  items: KeyItem[];
}
/** One document per key, or several (`documents`) for a file that holds more than one. */
type Key = KeyDocument | { documents: KeyDocument[] };

export interface HeldoutRow {
  file: string;
  keyItems: number;
  predicted: number;
  matched: number;
  kind: number;
  months: number;
  committee: number;
  organ: number;
  meta: number;
  /** Metadata fields checked: four per document. */
  metaTotal: number;
  misses: string[];
}

// Keys quote the file as written; a traditional key is converted the way its document is.
const squash = (s: string) => normalise(plain(convertTraditional(s))).text.replace(/\s+/g, '');

export async function scoreHeldout(folder = 'heldout'): Promise<HeldoutRow[]> {
  const dir = new URL(`../fixtures/${folder}/`, import.meta.url);
  const rows: HeldoutRow[] = [];
  for (const f of readdirSync(dir).filter((n) => /\.(txt|html?|pdf)$/.test(n)).sort()) {
    const key = JSON.parse(readFileSync(new URL(`answers/${f.replace(/\.\w+$/, '.json')}`, dir), 'utf8')) as Key;
    const read = await readAndExtract(fileURLToPath(new URL(f, dir)));
    const docs = analyse({ sourceId: read.id, normalised: normalise(read.extracted), meta: read.extracted.meta });
    rows.push(scoreOne(f, key, docs));
  }
  return rows;
}

function scoreOne(file: string, key: Key, docs: Document[]): HeldoutRow {
  const keyDocs = 'documents' in key ? key.documents : [key];
  const keyItems = keyDocs.flatMap((d) => d.items);
  const items: Item[] = docs.flatMap((d) => d.items);
  const row: HeldoutRow = { file, keyItems: keyItems.length, predicted: items.length, matched: 0, kind: 0, months: 0, committee: 0, organ: 0, meta: 0, metaTotal: 0, misses: [] };
  let from = 0;
  for (const k of keyItems) {
    const start = squash(k.start);
    const j = items.findIndex((it, idx) => idx >= from && squash(it.text).startsWith(start));
    if (j < 0) {
      row.misses.push(`missing item "${k.start}"`);
      continue;
    }
    from = j + 1;
    const it = items[j];
    row.matched++;
    const check = (field: string, want: unknown, got: unknown) => {
      const ok = JSON.stringify(want) === JSON.stringify(got);
      if (!ok) row.misses.push(`${field} "${k.start}": key ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      return ok ? 1 : 0;
    };
    row.kind += check('kind', k.kind, it.kind);
    row.months += check('months', k.months, it.months);
    row.committee += check('committee', k.committee, it.committee?.key ?? null);
    row.organ += check('organ', k.organ, it.organ);
  }
  keyDocs.forEach((kd, i) => {
    const doc = docs[i];
    const meta: Array<[string, unknown, unknown]> = [
      ['docType', kd.docType, doc?.docType],
      ['year', kd.year, doc?.year],
      ['code', kd.jurisdiction.code, doc?.jurisdiction.code],
      ['level', kd.jurisdiction.level, doc?.jurisdiction.level],
    ];
    for (const [field, want, got] of meta) {
      row.metaTotal++;
      if (want === got) row.meta++;
      else row.misses.push(`document ${i + 1} ${field}: key ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
  });
  if (docs.length !== keyDocs.length) row.misses.push(`documents: key ${keyDocs.length}, got ${docs.length}`);
  return row;
}

export function table(rows: HeldoutRow[]): string {
  const sum = (f: keyof HeldoutRow) => rows.reduce((n, r) => n + (r[f] as number), 0);
  const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : '-');
  const line = (name: string, r: Pick<HeldoutRow, 'keyItems' | 'predicted' | 'matched' | 'kind' | 'months' | 'committee' | 'organ' | 'meta' | 'metaTotal'>) => {
    const p = r.matched / r.predicted;
    const rc = r.matched / r.keyItems;
    return `| ${name} | ${r.keyItems} | ${r.predicted} | ${p.toFixed(3)} | ${rc.toFixed(3)} | ${((2 * p * rc) / (p + rc || 1)).toFixed(3)} | ${pct(r.kind, r.matched)} | ${pct(r.months, r.matched)} | ${pct(r.committee, r.matched)} | ${pct(r.organ, r.matched)} | ${pct(r.meta, r.metaTotal)} |`;
  };
  const total = { keyItems: sum('keyItems'), predicted: sum('predicted'), matched: sum('matched'), kind: sum('kind'), months: sum('months'), committee: sum('committee'), organ: sum('organ'), meta: sum('meta'), metaTotal: sum('metaTotal') };
  return [
    '| file | key items | predicted | P | R | F1 | kind | months | committee | organ | meta |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => line(r.file, r)),
    line('**total**', total),
  ].join('\n');
}
