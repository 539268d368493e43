import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Document, Item } from '../schemas/index.js';
import { analyse } from '../pipeline/analyse.js';
import { normalise } from '../pipeline/normalize.js';
import { readAndExtract } from '../pipeline/read-source.js';
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
interface Key {
  title: string;
  docType: string;
  year: number;
  jurisdiction: { name: string; code: string; level: string };
  items: KeyItem[];
}

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
  misses: string[];
}

const dir = new URL('../fixtures/heldout/', import.meta.url);
const squash = (s: string) => normalise(plain(s)).text.replace(/\s+/g, '');

export async function scoreHeldout(): Promise<HeldoutRow[]> {
  const rows: HeldoutRow[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const key = JSON.parse(readFileSync(new URL(`answers/${f.replace(/\.txt$/, '.json')}`, dir), 'utf8')) as Key;
    const read = await readAndExtract(fileURLToPath(new URL(f, dir)));
    const docs = analyse({ sourceId: read.id, normalised: normalise(read.extracted), meta: read.extracted.meta });
    rows.push(scoreOne(f, key, docs));
  }
  return rows;
}

function scoreOne(file: string, key: Key, docs: Document[]): HeldoutRow {
  const items: Item[] = docs.flatMap((d) => d.items);
  const row: HeldoutRow = { file, keyItems: key.items.length, predicted: items.length, matched: 0, kind: 0, months: 0, committee: 0, organ: 0, meta: 0, misses: [] };
  let from = 0;
  for (const k of key.items) {
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
  const doc = docs[0];
  const meta: Array<[string, unknown, unknown]> = [
    ['docType', key.docType, doc?.docType],
    ['year', key.year, doc?.year],
    ['code', key.jurisdiction.code, doc?.jurisdiction.code],
    ['level', key.jurisdiction.level, doc?.jurisdiction.level],
  ];
  for (const [field, want, got] of meta) {
    if (want === got) row.meta++;
    else row.misses.push(`document ${field}: key ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  if (docs.length !== 1) row.misses.push(`documents: key 1, got ${docs.length}`);
  return row;
}

export function table(rows: HeldoutRow[]): string {
  const sum = (f: keyof HeldoutRow) => rows.reduce((n, r) => n + (r[f] as number), 0);
  const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : '-');
  const line = (name: string, r: Pick<HeldoutRow, 'keyItems' | 'predicted' | 'matched' | 'kind' | 'months' | 'committee' | 'organ' | 'meta'>, docs: number) => {
    const p = r.matched / r.predicted;
    const rc = r.matched / r.keyItems;
    return `| ${name} | ${r.keyItems} | ${r.predicted} | ${p.toFixed(3)} | ${rc.toFixed(3)} | ${((2 * p * rc) / (p + rc || 1)).toFixed(3)} | ${pct(r.kind, r.matched)} | ${pct(r.months, r.matched)} | ${pct(r.committee, r.matched)} | ${pct(r.organ, r.matched)} | ${pct(r.meta, 4 * docs)} |`;
  };
  const total = { keyItems: sum('keyItems'), predicted: sum('predicted'), matched: sum('matched'), kind: sum('kind'), months: sum('months'), committee: sum('committee'), organ: sum('organ'), meta: sum('meta') };
  return [
    '| file | key items | predicted | P | R | F1 | kind | months | committee | organ | meta |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => line(r.file, r, 1)),
    line('**total**', total, rows.length),
  ].join('\n');
}
