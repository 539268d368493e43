import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../extractors/limits.js';
import { pdfExtractor } from '../extractors/pdf.js';
import { createOcrService } from '../pipeline/extract/ocr-service.js';
import { readAndExtract } from '../pipeline/extract/extract.js';
import { ocrRecorder } from './helpers.js';
import { tinyPdf } from './helpers/tiny-pdf.js';

/**
 * Pages larger than the page-pixel limit (--max-page-pixels) are drawn smaller instead of failing:
 * a MediaBox of 14,400 pt, the most a PDF may declare, is 60,000 px a side at 300 dpi, which skia
 * cannot allocate ("Create skia surface failed"). The image handed to OCR says the resolution it was
 * really drawn at, so recognised lines keep their size in points.
 */
const SIDE = 14_400;
/** "Plan 2025" in Helvetica 2,000 pt high (digits 139 px at the 5 dpi a 1-megapixel cap leaves); a line of digits alone would be taken for a page number. */
const READING = { text: '2025', bbox: [10, 10, 200, 60] as [number, number, number, number] };
const hugePage = tinyPdf(SIDE, SIDE, 'BT /F1 2000 Tf 500 7000 Td (Plan 2025) Tj ET');


describe('a PDF page over the page-pixel limit', () => {
  it('is drawn at the resolution that fits the default limit, and says so', async () => {
    const ocr = ocrRecorder('always', READING);
    const out = await pdfExtractor.extract(hugePage, { path: 'huge.pdf', ocr });
    const [image] = ocr.pages;
    expect(image.width * image.height).toBeLessThanOrEqual(DEFAULT_LIMITS.pagePixels);
    // 300 dpi scaled by √(40 M / 60,000²): about 31.6 dpi.
    expect(image.dpi).toBeCloseTo(300 * Math.sqrt(DEFAULT_LIMITS.pagePixels / (60_000 * 60_000)), 1);
    expect(image.width).toBe(Math.ceil((SIDE * image.dpi!) / 72));
    expect(out.extractor).toBe('ocr');
  }, 30_000);

  it('honours a lower limit, for the ink check as well as for OCR', async () => {
    const limits = { ...DEFAULT_LIMITS, pagePixels: 1_000_000 };
    const ocr = ocrRecorder('auto', READING);
    // "2025" is a short text layer on a page of ink: auto mode measures the ink at 50 dpi first.
    await pdfExtractor.extract(hugePage, { path: 'huge.pdf', ocr, limits });
    for (const image of ocr.pages) expect(image.width * image.height).toBeLessThanOrEqual(1_000_000);
  });

  it('gives its text or no_text through the whole read, never internal_error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renda-huge-'));
    const path = join(dir, 'huge.pdf');
    writeFileSync(path, hugePage);
    const limits = { ...DEFAULT_LIMITS, pagePixels: 1_000_000 };
    const read = await readAndExtract(path, ocrRecorder('auto', READING), limits).then(
      (r) => r.extracted.pages.map((p) => p.text).join(''),
      (err: { code?: string }) => err.code,
    );
    expect(['no_text', expect.stringContaining('2025')]).toContainEqual(read);
  });

  describe('read by the default engine', () => {
    const service = createOcrService({ mode: 'always', engine: 'paddle', workers: 1 });
    afterAll(() => service.close());

    it('reads the large print on the page drawn at 5 dpi', async () => {
      const limits = { ...DEFAULT_LIMITS, pagePixels: 1_000_000 };
      const out = await pdfExtractor.extract(hugePage, { path: 'huge.pdf', ocr: service.context, limits });
      expect(out.pages[0].text.replace(/\s/g, '')).toContain('2025');
    }, 60_000);
  });
});
