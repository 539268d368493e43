import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { judgeTextLayer } from '../extractors/_pdf-quality.js';
import { layoutPages } from '../extractors/_pdf-layout.js';
import { cleanOcrLine } from '../extractors/ocr/clean.js';
import { ocrToLines } from '../extractors/ocr/to-lines.js';
import type { OcrPageResult } from '../extractors/ocr/types.js';
import { pdfExtractor } from '../extractors/pdf.js';
import { DEFAULT_CONCURRENCY, ingest } from '../pipeline/run/ingest.js';
import { fixture, ocrRecorder } from './helpers.js';
import { fileURLToPath } from 'node:url';


describe('which PDF pages are OCR\'d', () => {
  const broken = readFileSync(fixture('scan/001_broken-text-layer.pdf'));
  const good = readFileSync(fixture('pdf/001_754274ce12da7e36.pdf'));
  const scan = readFileSync(fixture('scan/002_image-only.pdf'));

  it('auto: every page of a PDF whose fonts lost their Unicode maps, none of a good PDF', async () => {
    const onBroken = ocrRecorder('auto', undefined, 'tesseract');
    const out = await pdfExtractor.extract(broken, { path: 'broken.pdf', ocr: onBroken });
    expect(onBroken.pages).toHaveLength(10);
    expect(onBroken.pages[0].dpi).toBe(300);
    expect(out.extractor).toBe('ocr');
    const onGood = ocrRecorder('auto', undefined, 'tesseract');
    expect((await pdfExtractor.extract(good, { path: 'good.pdf', ocr: onGood })).extractor).toBe('pdf');
    expect(onGood.pages).toHaveLength(0);
  });

  it('auto: every page of an image-only PDF', async () => {
    const ctx = ocrRecorder('auto', undefined, 'tesseract');
    await pdfExtractor.extract(scan, { path: 'scan.pdf', ocr: ctx });
    expect(ctx.pages).toHaveLength(7);
  });

  it('always and never override the verdict', async () => {
    const always = ocrRecorder('always', undefined, 'tesseract');
    expect((await pdfExtractor.extract(good, { path: 'good.pdf', ocr: always })).extractor).toBe('ocr');
    expect(always.pages).toHaveLength(10);
    const never = ocrRecorder('never', undefined, 'tesseract');
    await pdfExtractor.extract(broken, { path: 'broken.pdf', ocr: never });
    expect(never.pages).toHaveLength(0);
  });
});

describe('judgeTextLayer', () => {
  it('tells good, empty, garbage and sparse text layers apart', () => {
    expect(judgeTextLayer('听取审议县政府关于信访工作情况的报告。'.repeat(10))).toBe('good');
    expect(judgeTextLayer('  \n ')).toBe('empty');
    expect(judgeTextLayer('\ue012\ue034\ue056\ue078 \ue09a\ue0bc'.repeat(20))).toBe('garbage');
    // A broken map onto rare characters: every one real Unicode, none of them common.
    expect(judgeTextLayer('㐀㐁㐂㐃㐄㐅㐆㐇㐈㐉'.repeat(10))).toBe('garbage');
    // A running header as the only text, on a page full of print.
    expect(judgeTextLayer('河南省人民代表大会常务委员会', 0.045)).toBe('sparse');
    expect(judgeTextLayer('河南省人民代表大会常务委员会', 0.002)).toBe('good');
  });
});

describe('recognised text', () => {
  it('loses the spaces tesseract puts between Chinese characters and gets numbering back', () => {
    expect(cleanOcrLine('河 南 省 人 大 常 委 会 2025 年 度 代 表 工 作 计 划')).toBe('河南省人大常委会2025年度代表工作计划');
    expect(cleanOcrLine('1， 听 取 审 议 报 告')).toBe('1.听取审议报告');
    expect(cleanOcrLine('一 、 旗 帜 鲜 明 讲 政 治')).toBe('一、旗帜鲜明讲政治');
    expect(cleanOcrLine('( 一 ) 加 强 监 督')).toBe('（一）加强监督');
    expect(cleanOcrLine('GDP growth 3.5 %')).toBe('GDP growth 3.5 %');
  });

  it('becomes paragraphs through the PDF layout code: wrapped lines join, numbered lines start anew', () => {
    // Three lines at 300 dpi: an item that wraps onto a second full-width line, then the next item.
    const line = (text: string, y: number, x0: number, x1: number) => ({ text, confidence: 0.9, bbox: [x0, y, x1, y + 60] as [number, number, number, number] });
    const result: OcrPageResult = {
      text: '',
      confidence: 0.9,
      engine: 'tesseract',
      ms: 0,
      lines: [
        line('1.听取审议县政府关于信访工作情况的报告。（拟安排在4', 400, 300, 2200),
        line('月份举行的常委会会议上进行，由常委会法制工作委员会负', 480, 200, 2200),
        line('责做好相关工作）', 560, 200, 700),
        line('2.听取审议县政府关于政府债务管理情况的报告。（拟安排在6', 640, 300, 2200),
        line('月份举行的常委会会议上进行，由常委会财经工作委员会负责', 720, 200, 2200),
        line('做好相关工作）', 800, 200, 650),
      ],
    };
    const [page] = layoutPages([ocrToLines(result, 300)]);
    expect(page.text.split('\n')).toEqual([
      '1.听取审议县政府关于信访工作情况的报告。（拟安排在4月份举行的常委会会议上进行，由常委会法制工作委员会负责做好相关工作）',
      '2.听取审议县政府关于政府债务管理情况的报告。（拟安排在6月份举行的常委会会议上进行，由常委会财经工作委员会负责做好相关工作）',
    ]);
  });
});

describe('specks the detector reads as lines', () => {
  it('are dropped: no Han character, no digit, no stop, at most two Latin letters', () => {
    const line = (text: string, y: number) => ({ text, confidence: 0.6, bbox: [300, y, 900, y + 60] as [number, number, number, number] });
    const result: OcrPageResult = {
      text: '',
      confidence: 0.9,
      engine: 'paddle',
      ms: 0,
      lines: [line('!O', 100), line('|', 200), line('——', 300), line('当前位置：', 400), line('- 2 -', 500), line('PDF', 600), line('A、', 700), line('gJ。', 800), line('２０２４', 900), line('①', 1000)],
    };
    expect(ocrToLines(result, 300).map((l) => l.text)).toEqual(['当前位置：', '- 2 -', 'PDF', 'gJ。', '２０２４', '①']);
  });
});

describe('a scanned crop, end to end with tesseract', () => {
  it('yields the item with its kind, month and committee', async () => {
    const out = mkdtempSync(join(tmpdir(), 'renda-ocr-'));
    const summary = await ingest({
      inputs: [fileURLToPath(fixture('scan/crops/000_item-month-committee.jpg'))],
      out,
      concurrency: DEFAULT_CONCURRENCY,
      ocr: { mode: 'auto', engine: 'tesseract', workers: 1 },
    });
    expect(summary.failures).toEqual([]);
    expect(summary.ocrPages).toBe(1);
    const [file] = (await import('node:fs')).readdirSync(join(out, 'json'));
    const result = JSON.parse(readFileSync(join(out, 'json', file), 'utf8'));
    expect(result.source.extractor).toBe('ocr');
    expect(result.source.ocr.pages[0].confidence).toBeGreaterThan(0.5);
    const items = result.documents.flatMap((d: { items: unknown[] }) => d.items);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ number: '3.', kind: 'report', months: [4], committee: { key: 'legal_judicial' }, organ: 'government' });
  }, 120_000);
});

describe('OCR confidence', () => {
  it('scales an item\'s confidence down when its page was recognised with low confidence', async () => {
    const { analyse } = await import('../pipeline/analyse/analyse.js');
    const { normalise } = await import('../pipeline/normalise/normalise.js');
    const text = '某某县人大常委会2024年度监督工作计划\n1.听取审议县政府关于信访工作情况的报告。\n2.对全县物业管理情况开展调研。';
    const extracted = { extractor: 'ocr' as const, mediaType: 'image/png', pageCount: 1, pages: [{ number: 1, text }], meta: {} };
    const confident = analyse({ sourceId: 'a', normalised: normalise(extracted), meta: {}, ocrConfidence: new Map([[1, 0.95]]) });
    const doubtful = analyse({ sourceId: 'a', normalised: normalise(extracted), meta: {}, ocrConfidence: new Map([[1, 0.45]]) });
    expect(doubtful[0].items[0].confidence).toBeCloseTo(confident[0].items[0].confidence * 0.5, 2);
  });
});
