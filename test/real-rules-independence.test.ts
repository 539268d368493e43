import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PINYIN_GLOSS, TONELESS_GLOSS } from '../pipeline/text/pinyin.js';
import { toSimplified } from '../pipeline/text/simplify.js';

/**
 * Issue 10: "a rule is never keyed to one document: no test sentence is copied from a corpus file".
 * The rules' tests are written on made-up sentences of the same shape; set phrases every report uses
 * ("我受…委托，向大会报告工作，请予审议") and statutory report names recur across many pages; a run this
 * long found in one real page only means a sentence was copied from it.
 */
const WINDOW = 18;
const fold = (t: string) => toSimplified(t).replace(PINYIN_GLOSS, '').replace(TONELESS_GLOSS, '').replace(/[,，]/g, '，').replace(/[:：]/g, '：');

describe('the rules\' tests use no sentence of the real pages', () => {
  it(`shares no run of ${WINDOW} characters with fixtures/real`, () => {
    const dir = new URL('../fixtures/real/', import.meta.url);
    const corpus = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => [f, fold(readFileSync(new URL(f, dir), 'utf8'))] as const);
    const tests = ['real-rules.test.ts', 'real-rules-meetings.test.ts', 'real-rules-forms.test.ts', 'ocr-traditional.test.ts', 'ocr-scan-shapes.test.ts'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'));
    const shared: string[] = [];
    for (const t of tests) {
      for (const run of t.match(/[\u4e00-\u9fff，、：；《》（）“”\d]{18,}/g) ?? []) {
        for (let i = 0; i + WINDOW <= run.length; i++) {
          const w = fold(run.slice(i, i + WINDOW));
          const pages = corpus.filter(([, text]) => text.includes(w)).map(([f]) => f);
          // A run two or more pages share is the genre's formula (a statutory report's name, the
          // mandate of a work report); a run only one page has is that page's own sentence.
          if (pages.length === 1) shared.push(`${pages[0]}: ${w}`);
        }
      }
    }
    expect(shared).toEqual([]);
  });
});
