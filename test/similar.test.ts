import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../pipeline/store/db.js';
import { openForReading } from '../pipeline/store/read/open.js';
import { loadCorpus, type CorpusItem } from '../pipeline/store/similar/corpus.js';
import { scoreSimilar, type SimilarLabels } from '../pipeline/store/similar/evaluate.js';
import { DEFAULT_MIN_SCORE, neighboursOf } from '../pipeline/store/similar/find.js';
import { lexicalIndex, TFIDF_METHOD, type SimilarityIndex } from '../pipeline/store/similar/method.js';
import { itemTerms, lawTerms } from '../pipeline/store/similar/terms.js';
import { TfIdfIndex } from '../pipeline/store/similar/tfidf.js';
import { ingestCorpus } from './helpers/corpus-db.js';
import { writeTinyModel } from './helpers/tiny-model.js';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../pipeline/apps/cli/main.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const renda = (...args: string[]) =>
  run(tsx, [cli, ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('terms', () => {
  it('keeps what an item is about and drops procedure, institutions and dates', () => {
    const terms = itemTerms('听取审议《中华人民共和国食品安全法》贯彻实施情况执法检查的报告。（拟安排在10月份举行的常委会会议上进行，由常委会财经工作委员会负责）');
    expect(terms).toEqual(expect.arrayContaining(['食品', '安全法', '执法检查', '《食品安全法》']));
    for (const noise of ['听取', '审议', '报告', '常委', '委会', '中华', '10', '月份', '情况']) expect(terms).not.toContain(noise);
  });

  it('names a law without the national or local prefix, so two jurisdictions’ checks of it meet', () => {
    expect(lawTerms('检查《中华人民共和国水污染防治法》和《河南省大气污染防治条例》')).toEqual(['《水污染防治法》', '《大气污染防治条例》']);
    expect(lawTerms('《广东省大气污染防治条例》')).toEqual(['《大气污染防治条例》']);
  });
});

describe('BM25 cosine', () => {
  const index = TfIdfIndex.build([
    ['食品安全', '执法检查'],
    ['食品安全', '执法检查'],
    ['预算', '决算'],
    ['食品安全', '监管', '农村'],
    ['学前教育', '执法检查'],
  ]);
  it('scores identical items 1, unrelated 0, partial overlap between', () => {
    expect(index.cosine(0, 1)).toBeCloseTo(1, 6);
    expect(index.cosine(0, 2)).toBe(0);
    const partial = index.cosine(0, 3);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1);
  });
  it('ranks neighbours best first, ties by position, and honours the filter', () => {
    // 4 shares one of two words, 3 one of three.
    expect(index.neighbours(0, () => true, 10).map((n) => n.doc)).toEqual([1, 4, 3]);
    expect(index.neighbours(0, (d) => d !== 1, 10).map((n) => n.doc)).toEqual([4, 3]);
    expect(index.shared(0, 3)).toEqual(['食品安全']);
  });
});

describe('on the fixtures', () => {
  let dbPath: string;
  let db: Db;
  let items: CorpusItem[];
  let index: SimilarityIndex;
  beforeAll(async () => {
    dbPath = await ingestCorpus();
    db = await openForReading(dbPath);
    items = await loadCorpus(db);
    index = lexicalIndex(items);
  }, 120_000);
  afterAll(() => db?.close());

  it('ingest filled the similar-items table: other jurisdictions only, ranked, with its method', async () => {
    const rows = await db.all<{ jurisdiction: string; other_jurisdiction: string; rank: number; method: string; item_id: string }>(
      'SELECT * FROM v_similar',
    );
    expect(rows.length).toBeGreaterThan(items.length);
    for (const r of rows) {
      expect(r.other_jurisdiction).not.toBe(r.jurisdiction);
      expect(r.method).toBe(TFIDF_METHOD);
    }
    const copies = await db.get<{ n: number }>('SELECT count(*) AS n FROM similar_items s JOIN v_items v ON v.item_id = s.other_id WHERE v.copy_of IS NOT NULL');
    expect(copies!.n).toBe(0);
    const ranks = await db.all<{ item_id: string; ranks: string }>("SELECT item_id, group_concat(rank, ',') AS ranks FROM (SELECT * FROM similar_items ORDER BY item_id, rank) GROUP BY item_id");
    for (const r of ranks) expect(r.ranks).toBe(Array.from({ length: r.ranks.split(',').length }, (_, k) => k + 1).join(','));
  });

  it("finds other jurisdictions' checks of the same law for a law check", async () => {
    const query = items.findIndex((it) => it.kind === 'law_check' && it.text.includes('安全生产法') && it.group === '410928');
    expect(query).toBeGreaterThanOrEqual(0);
    const found = neighboursOf(items, index, query, 3);
    expect(found.length).toBe(3);
    for (const f of found) {
      const other = items.find((it) => it.id === f.id)!;
      expect(other.group).not.toBe('410928');
      expect(other.text).toMatch(/安全生产(?:法|条例)/);
    }
    expect(found[0]!.shared).toContain('《安全生产法》');
  });

  it('gives the same answer twice', () => {
    const again = lexicalIndex(items);
    for (const k of [0, 50, 100, 200]) expect(neighboursOf(items, again, k, 10)).toEqual(neighboursOf(items, index, k, 10));
  });

  it('the command answers with the default method, with a local model folder, and fails clearly on a missing one', async () => {
    const query = items.find((it) => it.kind === 'law_check' && it.text.includes('食品安全法'))!;
    const lexical = await renda('similar', query.id, '--db', dbPath, '--format', 'json', '--limit', '3');
    expect(lexical.code).toBe(0);
    const rows = JSON.parse(lexical.stdout) as Array<{ rank: number; item: string; method: string; jurisdiction: string }>;
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3].slice(0, rows.length));
    expect(rows[0]!.method).toBe(TFIDF_METHOD);

    const model = join(mkdtempSync(join(tmpdir(), 'renda-model-')), 'tiny-zh');
    await writeTinyModel(model);
    const embedded = await renda('similar', query.id, '--db', dbPath, '--format', 'json', '--model', model, '--min-score', '0');
    expect(embedded.code).toBe(0);
    const erows = JSON.parse(embedded.stdout) as Array<{ method: string; item: string }>;
    expect(erows.length).toBe(10);
    expect(erows[0]!.method).toMatch(/^local:tiny-zh:/);
    const again = await renda('similar', query.id, '--db', dbPath, '--format', 'json', '--model', model, '--min-score', '0');
    expect(again.stdout).toBe(embedded.stdout);

    const missing = await renda('similar', query.id, '--db', dbPath, '--model', join(model, 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/model_missing: .*nope/);
    const unknown = await renda('similar', 'no-such-item', '--db', dbPath);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no item 'no-such-item'/);
  }, 90_000);

  const labelsFile = new URL('./similar/labels.json', import.meta.url);
  it.runIf(existsSync(labelsFile))('agrees with the hand-labelled pairs (test/similar/labels.json)', () => {
    const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as SimilarLabels;
    const score = scoreSimilar(items, index, labels, DEFAULT_MIN_SCORE);
    expect(score.drift).toEqual([]);
    // Floors a little under the measured values (README), so a regression fails and noise does not.
    expect(score.precisionAt5).toBeGreaterThanOrEqual(SIMILAR_FLOORS.precisionAt5);
    expect(score.pairAccuracy).toBeGreaterThanOrEqual(SIMILAR_FLOORS.pairAccuracy);
    expect(score.mrr).toBeGreaterThanOrEqual(SIMILAR_FLOORS.mrr);
  });
});

const SIMILAR_FLOORS = { precisionAt5: 0.45, pairAccuracy: 0.75, mrr: 0.72 };
