import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreKeyed, table, type KeyedScores } from './score-keys.js';
// The held-out third is fixed by a seeded hash of each file name (fixtures/real/README.md).
import { isHeldOut } from '../fixtures/make/real-split.mjs';

/**
 * fixtures/real/: excerpts of real published pages with answer keys written blind by two readers
 * and settled (fixtures/real/README.md). This is the golden test of renda on documents as they are
 * really published. Issue 10's bars (segF1 0.97, kind 0.95, months 0.97, committee 0.95, code 0.97,
 * docType 0.95) are not reached yet; these bars hold what the general rules have reached, so it cannot
 * slip back (measured at the end of the seventh session of 2026-12-07 on 726 pages: segF1 0.865, kind
 * 0.849, months 0.902, committee 0.981, code 0.895, docType 0.881. segF1 and kind are lower than the
 * sixth session's bars because the 180 pages added in the seventh session are harder: on them segF1 is
 * 0.811; on the first 546 pages it rose from 0.878 to 0.884.) The first-run scores are in
 * fixtures/real/README.md.
 */
const answers = new URL('../fixtures/real/answers/', import.meta.url);
const keyed = existsSync(answers) ? readdirSync(answers).filter((f) => f.endsWith('.json')).length : 0;

// Misses are printed for the tuning pages only: no rule may be written from a held-out page's output.
const report = (label: string, s: KeyedScores) => {
  console.log(`${label}\n${table(s)}`);
  for (const r of s.rows) if (r.misses.length && !isHeldOut(r.file.replace(/\.\w+$/, '.txt'))) console.log(`${r.file}:\n  ${r.misses.join('\n  ')}`);
};

describe.runIf(keyed > 0)('real published pages (fixtures/real)', () => {
  let text: KeyedScores;

  it('every page has its answer key', () => {
    const pages = readdirSync(new URL('../fixtures/real/', import.meta.url)).filter((f) => f.endsWith('.txt'));
    expect(pages.length).toBeGreaterThanOrEqual(726);
    expect(keyed).toBe(pages.length);
  });

  it('segments, classifies, dates and places them as the keys say', async () => {
    text = await scoreKeyed('real');
    report('real pages, text', text);
    const t = text.total;
    expect(t.f1).toBeGreaterThanOrEqual(0.86);
    expect(t.kindAccuracy).toBeGreaterThanOrEqual(0.84);
    expect(t.monthsExact).toBeGreaterThanOrEqual(0.89);
    expect(t.committeeAccuracy).toBeGreaterThanOrEqual(0.98);
    expect(t.jurisdictionCodeAccuracy).toBeGreaterThanOrEqual(0.89);
    expect(t.docTypeAccuracy).toBeGreaterThanOrEqual(0.87);
  }, 120_000);

  // Issue 10 asks 0.90 on every score here, scored once at the end; until then the held-out third must
  // not fall below its first run (README), and no rule is written from its output.
  it('the held-out third does no worse than on the first run', async () => {
    const held = await scoreKeyed('real', { only: (stem) => isHeldOut(`${stem}.txt`) });
    console.log(`real pages, held-out third\n${table(held)}`);
    const t = held.total;
    expect(t.f1).toBeGreaterThanOrEqual(0.672);
    expect(t.kindAccuracy).toBeGreaterThanOrEqual(0.468);
    expect(t.monthsExact).toBeGreaterThanOrEqual(0.291);
    expect(t.docTypeAccuracy).toBeGreaterThanOrEqual(0.2);
    expect(t.jurisdictionCodeAccuracy).toBeGreaterThanOrEqual(0.4);
  }, 120_000);

  it.runIf(existsSync(new URL('../fixtures/real/pdf/', import.meta.url)))(
    'their text-layer PDF twins score within 0.02 of the text on segmentation and kind',
    async () => {
      const pdf = await scoreKeyed('real/pdf', { keys: '../answers' });
      report('real pages, PDF twins', pdf);
      text ??= await scoreKeyed('real');
      expect(pdf.rows.length).toBe(text.rows.length);
      expect(pdf.total.f1).toBeGreaterThanOrEqual(text.total.f1 - 0.02);
      expect(pdf.total.kindAccuracy).toBeGreaterThanOrEqual(text.total.kindAccuracy - 0.02);
    },
    300_000,
  );
});
