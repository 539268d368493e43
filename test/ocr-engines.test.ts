import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPaddleEngine,
  createPaddleThreadEngine,
  createTesseractEngine,
  OcrError,
  OcrPool,
  withOcrPool,
  type OcrEngine,
  type OcrPageResult,
  type RasterImage,
} from '../extractors/ocr/index.js';
import { groupIntoLines } from '../extractors/ocr/_lines.js';
import { UsageError } from '../schemas/errors.js';
import { ocrImage as crop } from './helpers.js';

/**
 * Real engines on small crops of fixtures/pdf/002 page 1 at 300 dpi (test/data/ocr/README.md): a few
 * seconds each, most of it starting the engine.
 */
const SLOW = 60_000;

const squash = (s: string) => s.replace(/\s+/g, '');

function expectWellFormed(result: OcrPageResult, image: RasterImage): void {
  expect(result.lines.length).toBeGreaterThan(0);
  expect(result.text).toBe(result.lines.map((l) => l.text).join('\n'));
  expect(result.confidence).toBeGreaterThan(0.5);
  expect(result.confidence).toBeLessThanOrEqual(1);
  expect(result.ms).toBeGreaterThanOrEqual(0);
  for (const line of result.lines) {
    const [x0, y0, x1, y1] = line.bbox;
    expect(x0).toBeLessThan(x1);
    expect(y0).toBeLessThan(y1);
    expect(x0).toBeGreaterThanOrEqual(-2);
    expect(x1).toBeLessThanOrEqual(image.width + 2);
    expect(line.confidence).toBeGreaterThanOrEqual(0);
    expect(line.confidence).toBeLessThanOrEqual(1);
  }
}

describe.each([
  ['tesseract', createTesseractEngine],
  ['paddle', createPaddleEngine],
  // The same engine in a worker thread of its own, as a pool of several runs it.
  ['paddle (thread)', createPaddleThreadEngine],
] as const)('%s engine', (name, create) => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await create();
  }, SLOW);
  afterAll(() => engine?.close());

  it('reads a title line', async () => {
    const image = await crop('title');
    const result = await engine.recognize(image);
    expect(result.engine).toBe(name.split(' ')[0]);
    expect(squash(result.text)).toContain('2025年度代表工作计划');
    expectWellFormed(result, image);
  }, SLOW);

  it('reads a numbered item line', async () => {
    const result = await engine.recognize(await crop('item'));
    expect(squash(result.text)).toContain('组成人员联系代表制度');
  }, SLOW);

  it('rejects a malformed image as ocr_failed, and keeps working', async () => {
    const bad = { width: 10, height: 10, data: new Uint8ClampedArray(7), dpi: 300 };
    await expect(engine.recognize(bad)).rejects.toMatchObject({ name: 'OcrError', code: 'ocr_failed' });
    expect(squash((await engine.recognize(await crop('heading'))).text)).toContain('代表联系');
  }, SLOW);
});

describe('engine start-up', () => {
  it('fails with ocr_unavailable when the language data is missing, without starting a worker', async () => {
    await expect(createTesseractEngine({ langPath: '/nonexistent' })).rejects.toMatchObject({ code: 'ocr_unavailable' });
  });

  it('rejects bad engine options as usage errors', async () => {
    await expect(createTesseractEngine({ psm: 'sparse' as never })).rejects.toThrow(UsageError);
    await expect(createTesseractEngine({ model: 'fast' as never })).rejects.toThrow(UsageError);
    await expect(createPaddleEngine({ dpi: 10 })).rejects.toThrow(UsageError);
  });

  it('a closed engine refuses pages', async () => {
    const engine = await createTesseractEngine();
    await engine.close();
    await engine.close();
    await expect(engine.recognize(await crop('heading'))).rejects.toMatchObject({ code: 'ocr_closed' });
  }, SLOW);
});

/** Three crops read at once by the pool, each to its own text; the crops, for more. */
async function readsThreeCrops(pool: OcrPool): Promise<RasterImage[]> {
  const pages = await Promise.all(['title', 'heading', 'item'].map(crop));
  const results = await Promise.all(pages.map((p) => pool.recognize(p)));
  expect(results.map((r) => squash(r.text))).toEqual([
    expect.stringContaining('代表工作计划'),
    expect.stringContaining('代表联系'),
    expect.stringContaining('联系代表制度'),
  ]);
  return pages;
}

describe('OcrPool', () => {
  it('validates its options before starting anything', async () => {
    for (const workers of [0, 33, 1.5, Number.NaN]) {
      await expect(OcrPool.create({ engine: 'tesseract', workers })).rejects.toThrow(UsageError);
    }
    await expect(OcrPool.create({ engine: 'easyocr' as never, workers: 1 })).rejects.toThrow(/one of tesseract, paddle/);
  });

  it('reads three pages on two engines, then closes for good', async () => {
    const pool = await OcrPool.create({ engine: 'tesseract', workers: 2 });
    try {
      expect(pool.size).toBe(2);
      await readsThreeCrops(pool);
    } finally {
      await pool.close();
    }
    await pool.close();
    await expect(pool.recognize(await crop('heading'))).rejects.toThrow(OcrError);
  }, SLOW);

  it('reads pages side by side on two paddle engines, each in its own thread', async () => {
    const pool = await OcrPool.create({ engine: 'paddle', workers: 2 });
    try {
      const pages = await readsThreeCrops(pool);
      // The page read while the engine closes is settled as closed, not left waiting.
      const reading = expect(pool.recognize(pages[0])).rejects.toMatchObject({ code: 'ocr_closed' });
      await pool.close();
      await reading;
    } finally {
      await pool.close();
    }
  }, SLOW);

  it('withOcrPool closes on a signal and removes its handlers', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    // Another SIGINT listener stands in for the runner's own: with it present the pool does not
    // re-raise the signal, which would end the test process.
    const other = () => {};
    process.on('SIGINT', other);
    try {
      await withOcrPool({ engine: 'tesseract', workers: 1 }, async (pool) => {
        expect(process.listenerCount('SIGTERM')).toBe(before[1] + 1);
        process.emit('SIGINT', 'SIGINT');
        await expect(pool.recognize(await crop('heading'))).rejects.toMatchObject({ code: 'ocr_closed' });
      });
    } finally {
      process.off('SIGINT', other);
    }
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  }, SLOW);

  it('withOcrPool closes when the work throws', async () => {
    let seen: OcrPool | undefined;
    await expect(
      withOcrPool({ engine: 'tesseract', workers: 1 }, async (pool) => {
        seen = pool;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(seen!.recognize(await crop('heading'))).rejects.toMatchObject({ code: 'ocr_closed' });
  }, SLOW);
});

describe('text boxes into lines', () => {
  const box = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 0.9) => ({ text, confidence, bbox: [x0, y0, x1, y1] as [number, number, number, number] });

  it('joins boxes on one baseline left to right and orders lines top to bottom', () => {
    const lines = groupIntoLines([
      box('会议议题', 400, 100, 700, 150),
      box('二、', 100, 300, 180, 352),
      box('时间', 100, 102, 200, 148, 0.5),
      box('审议', 200, 298, 400, 350),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['时间 会议议题', '二、 审议']);
    expect(lines[0].bbox).toEqual([100, 100, 700, 150]);
    // Weighted by characters: (2·0.5 + 4·0.9) / 6.
    expect(lines[0].confidence).toBeCloseTo((2 * 0.5 + 4 * 0.9) / 6);
  });

  it('keeps lines apart that only touch', () => {
    const lines = groupIntoLines([box('上', 0, 0, 100, 60), box('下', 0, 50, 100, 110)]);
    expect(lines.map((l) => l.text)).toEqual(['上', '下']);
  });
});
