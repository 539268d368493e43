import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SourceResult, type Document } from '../schemas/index.js';
import { analyse } from '../pipeline/analyse/analyse.js';
import { normalise } from '../pipeline/normalise/normalise.js';
import { readAndExtract } from '../pipeline/extract/extract.js';
import { matchItems } from '../pipeline/apps/eval/match.js';
import { fixture } from './helpers.js';

/**
 * Golden tests: every text fixture against its hand-checked gold file (test/golden/<sourceId>.json,
 * the output format), and every PDF/HTML twin against the gold of its text twin. Differences are
 * printed field by field before the assertion, so a failure says what changed.
 */
const goldDir = new URL('./golden/', import.meta.url);
const golds = readdirSync(goldDir)
  .filter((f) => /^[0-9a-f]{16}\.json$/.test(f))
  .map((f) => SourceResult.parse(JSON.parse(readFileSync(new URL(f, goldDir), 'utf8'))));
const stem = (p: string) => basename(p, extname(p));

/**
 * Where the pipeline and the hand-checked gold disagree and no general rule fixes it yet, the
 * difference is written down with its reason in known-differences.json. The test fails on any
 * other difference, and also when a known one disappears (so the list only ever shrinks).
 */
interface Known {
  item: string;
  field: string;
  gold: unknown;
  got: unknown;
  why: string;
}
const known = JSON.parse(readFileSync(new URL('known-differences.json', goldDir), 'utf8')) as Known[];
const knownKey = (k: Pick<Known, 'item' | 'field' | 'gold' | 'got'>) => `item ${k.item} ${k.field}: gold ${JSON.stringify(k.gold)}, got ${JSON.stringify(k.got)}`;

function unexplained(diffs: string[], sourceId: string): { unexpected: string[]; fixed: string[] } {
  const mine = known.filter((k) => k.item.startsWith(sourceId)).map(knownKey);
  const bare = diffs.map((d) => d.replace(/ — .*$/, ''));
  return { unexpected: diffs.filter((_, i) => !mine.includes(bare[i])), fixed: mine.filter((k) => !bare.includes(k)) };
}

async function run(path: string) {
  const read = await readAndExtract(path);
  return analyse({ sourceId: read.id, normalised: normalise(read.extracted), meta: read.extracted.meta });
}

function diffDocuments(gold: Document[], got: Document[]): string[] {
  const out: string[] = [];
  if (gold.length !== got.length) out.push(`documents: gold ${gold.length}, got ${got.length}`);
  gold.forEach((g, k) => {
    const p = got[k];
    if (!p) return;
    for (const f of ['title', 'docType', 'year', 'adoptedDate', 'publishedDate'] as const) {
      if (g[f] !== p[f]) out.push(`doc ${k + 1} ${f}: gold ${JSON.stringify(g[f])}, got ${JSON.stringify(p[f])}`);
    }
    if (JSON.stringify(g.jurisdiction) !== JSON.stringify(p.jurisdiction)) {
      out.push(`doc ${k + 1} jurisdiction: gold ${JSON.stringify(g.jurisdiction)}, got ${JSON.stringify(p.jurisdiction)}`);
    }
    const gs = g.sections.map((s) => `${s.path} ${s.title} ${s.declaredCount}/${s.itemCount}`);
    const ps = p.sections.map((s) => `${s.path} ${s.title} ${s.declaredCount}/${s.itemCount}`);
    if (gs.join('\n') !== ps.join('\n')) out.push(`doc ${k + 1} sections differ:\n  gold ${gs.join(' | ')}\n  got  ${ps.join(' | ')}`);
    if (g.items.length !== p.items.length) out.push(`doc ${k + 1} items: gold ${g.items.length}, got ${p.items.length}`);
    const pairs = matchItems(g.items, p.items);
    if (pairs.length !== g.items.length) out.push(`doc ${k + 1}: ${g.items.length - pairs.length} gold items not found`);
    for (const [gi, pi] of pairs) {
      const fields: Array<[string, unknown, unknown]> = [
        ['path', gi.path, pi.path],
        ['kind', gi.kind, pi.kind],
        ['months', gi.months, pi.months],
        ['committee', gi.committee?.key ?? null, pi.committee?.key ?? null],
        ['organ', gi.organ, pi.organ],
        ['laws', gi.laws, pi.laws],
      ];
      for (const [name, a, b] of fields) {
        if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`item ${gi.id} ${name}: gold ${JSON.stringify(a)}, got ${JSON.stringify(b)} — ${gi.text.slice(0, 30)}`);
      }
    }
  });
  return out;
}

describe('golden: text fixtures', () => {
  it('has a gold file for each of the five seeds', () => {
    expect(golds.map((g) => stem(g.source.path)).sort()).toEqual(
      readdirSync(fixture('text/')).filter((f) => f.endsWith('.txt')).map(stem).sort(),
    );
  });

  for (const gold of golds) {
    it(`${stem(gold.source.path)} matches its gold file`, async () => {
      const got = await run(fileURLToPath(fixture(`text/${basename(gold.source.path)}`)));
      const { unexpected, fixed } = unexplained(diffDocuments(gold.documents, got), gold.source.id);
      if (unexpected.length) console.log(`${gold.source.path}:\n  ${unexpected.join('\n  ')}`);
      expect(unexpected).toEqual([]);
      expect(fixed, 'these known differences are fixed: remove them from known-differences.json').toEqual([]);
    });
  }
});

describe('golden: PDF and HTML twins yield the items of their text twin', () => {
  const twins = ['pdf', 'html'].flatMap((dir) =>
    readdirSync(fixture(`${dir}/`)).filter((f) => /\.(pdf|html?)$/.test(f)).map((f) => `${dir}/${f}`),
  );
  it('there are at least two PDF and three HTML twins', () => {
    expect(twins.filter((t) => t.endsWith('.pdf')).length).toBeGreaterThanOrEqual(2);
    expect(twins.filter((t) => /\.html?$/.test(t)).length).toBeGreaterThanOrEqual(3);
  });
  for (const twin of twins) {
    it(twin, async () => {
      const gold = golds.find((g) => stem(g.source.path) === stem(twin));
      expect(gold, `no gold for ${twin}`).toBeDefined();
      const got = await run(fileURLToPath(fixture(twin)));
      const diffs = diffDocuments(gold!.documents, got).filter((d) => !/publishedDate/.test(d));
      const { unexpected } = unexplained(diffs, gold!.source.id);
      if (unexpected.length) console.log(`${twin}:\n  ${unexpected.join('\n  ')}`);
      expect(unexpected).toEqual([]);
    });
  }
});
