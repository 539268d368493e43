import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { OcrPageResult, RasterImage } from '../extractors/ocr/types.js';
import type { OcrContext } from '../extractors/types.js';
import { FileError } from '../schemas/errors.js';
import { analyseSource } from '../pipeline/analyse/analyse-source.js';
import { extractSource } from '../pipeline/extract/extract.js';
import { readSource, sourceFile } from '../pipeline/extract/read-source.js';
import { normaliseSource } from '../pipeline/normalise/normalise.js';
import { AnalysePool } from '../pipeline/run/analyse-pool.js';
import { fixture } from './helpers.js';

/**
 * The local runner's thread pool: the same results as the stage functions on this thread, a file's
 * error with its own code, OCR asked of this thread's engines, and nothing left running after close.
 */
const path = (name: string) => fileURLToPath(fixture(name));
const noOcr: OcrContext = { mode: 'never', recognize: () => Promise.reject(new Error('no OCR in this test')) };
const pools: AnalysePool[] = [];
const TOPICS = ['食品安全', '生态环境保护', '义务教育', '乡村振兴', '医疗保障', '安全生产', '养老服务', '文物保护', '水污染防治'];
const poolOf = (ocr: OcrContext = noOcr, threads = 2) => {
  const pool = new AnalysePool({ threads, filesPerThread: 2, ocr });
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (err: unknown) => (err instanceof FileError ? { code: err.code, message: err.message } : { code: 'not a FileError', message: String(err) }),
  );

describe('AnalysePool', () => {
  it('gives the results the stage functions give on this thread, for text, PDF, HTML and DOCX', async () => {
    const names = ['text/002_4ff2a9da724ed550.txt', 'text/000_aed2f3b3ef629585.txt', 'pdf/002_4ff2a9da724ed550.pdf', 'html/002_4ff2a9da724ed550.html', 'docx/002_4ff2a9da724ed550.docx'];
    const files = await Promise.all(names.map((n) => readSource(path(n))));
    const pool = poolOf();
    const pooled = await Promise.all(files.map((f) => pool.analyse(f)));
    for (const [k, file] of files.entries()) {
      const here = analyseSource(normaliseSource(await extractSource(file, noOcr)));
      expect(pooled[k]).toEqual(here);
    }
  });

  it("fails a file with its own code and message, and goes on with the next", async () => {
    const pool = poolOf();
    const pdf = readFileSync(path('pdf/002_4ff2a9da724ed550.pdf'));
    const [empty, cut, good] = await Promise.all([
      failureOf(pool.analyse(sourceFile('empty.txt', new Uint8Array()))),
      failureOf(pool.analyse(sourceFile('cut.pdf', new Uint8Array(pdf.subarray(0, 600))))),
      pool.analyse(await readSource(path('text/002_4ff2a9da724ed550.txt'))),
    ]);
    expect(empty?.code).toBe('empty_file');
    expect(cut?.code).toBe('corrupt_pdf');
    expect(cut?.message).toMatch(/not a readable PDF/);
    expect(good.documents.length).toBeGreaterThan(0);
  });

  it("asks this thread's OCR for a page without a text layer, and keeps the OCR failure's code", async () => {
    const asked: RasterImage[] = [];
    // A different page each time: lines alike on every page would be dropped as running headers.
    const reading = (page: number): OcrPageResult => {
      const topic = TOPICS[(page - 1) % TOPICS.length];
      const text = `听取和审议县人民政府关于${topic}工作情况的报告，开展${topic}专题询问。`;
      const y = 1200 + page * 90;
      return { text, confidence: 0.9, engine: 'tesseract', ms: 1, lines: [{ text, confidence: 0.9, bbox: [300, y, 2200, y + 60] }] };
    };
    const scan = await readSource(path('scan/002_image-only.pdf'));
    const read = await poolOf({ mode: 'auto', recognize: async (image) => reading(asked.push(image)) }).analyse(scan);
    expect(asked.length).toBe(read.source.pages);
    expect(asked[0].width * asked[0].height).toBeGreaterThan(0);
    expect(read.source.ocr?.engine).toBe('tesseract');
    expect(read.documents.flatMap((d) => d.items.map((it) => it.text)).join('\n')).toMatch(/食品安全/);

    const broken = poolOf({ mode: 'auto', recognize: () => Promise.reject(new FileError('ocr_failed', 'the engine gave up')) });
    expect(await failureOf(broken.analyse(scan))).toEqual({ code: 'ocr_failed', message: 'the engine gave up' });
  });

  it('fails the files in hand when closed, refuses new ones, and leaves no thread running', async () => {
    const pool = poolOf(noOcr, 1);
    const file = await readSource(path('pdf/002_4ff2a9da724ed550.pdf'));
    const inFlight = failureOf(pool.analyse(file));
    const waiting = failureOf(pool.analyse(file));
    await new Promise((r) => setTimeout(r, 50));
    await pool.close();
    expect((await inFlight)?.code).toBe('internal_error');
    expect((await waiting)?.code).toBe('internal_error');
    expect((await failureOf(pool.analyse(file)))?.code).toBe('internal_error');
    expect(process.getActiveResourcesInfo().filter((r) => /Worker|MessagePort/.test(r))).toEqual([]);
  });
});
