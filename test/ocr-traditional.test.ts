import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrPageResult } from '../extractors/ocr/index.js';
import { ocrToLines } from '../extractors/ocr/to-lines.js';
import { createOcrService, looksTraditional } from '../pipeline/extract/ocr-service.js';
import { normalise } from '../pipeline/normalise/normalise.js';
import { fixOcrPunctuation } from '../extractors/ocr/clean.js';
import { meetingMonth } from '../pipeline/analyse/items/dating.js';
import { ocrImage as image, plain } from './helpers.js';

/**
 * Scans printed in traditional characters (mirror sites' pages, printed): PP-OCRv4's dictionary
 * lacks most of them, so such a page is read again with tesseract's chi_tra model; and what OCR
 * makes of the lines and glosses on such pages.
 */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('a page in traditional characters', () => {
  it('is told by the traditional-only share of what the first reading returned', () => {
    expect(looksTraditional('自治區人大常委會副秘書長在會上介紹，會議將於五月舉行，聽取和審議有關報告。')).toBe(true);
    expect(looksTraditional('自治区人大常委会副秘书长在会上介绍，会议将于五月举行，听取和审议有关报告。')).toBe(false);
    // A name or two in traditional print inside a simplified page decide nothing; nor does a caption.
    expect(looksTraditional('市人大常委会听取了关于臺灣同胞投资保护条例实施情况的报告，并开展了专题询问和满意度测评。')).toBe(false);
    expect(looksTraditional('會議舉行')).toBe(false);
  });

  it('is read again by tesseract chi_tra; a simplified page stays with the default engine', { timeout: 120_000 }, async () => {
    const ocr = createOcrService({ mode: 'auto', engine: 'paddle', workers: 1 });
    try {
      const trad = await ocr.context.recognize(await image('traditional'));
      expect(trad.engine).toBe('tesseract');
      expect(squash(trad.text)).toContain('自治區人大常委會副秘書長');
      expect(squash(trad.text)).toContain('第九次會議將於5月28日');
      const simp = await ocr.context.recognize(await image('item'));
      expect(simp.engine).toBe('paddle');
      expect(ocr.pages()).toBe(2);
    } finally {
      await ocr.close();
    }
  });
});

describe('recognised lines as the paragraph joiner needs them', () => {
  const line = (text: string, bbox: OcrLine['bbox']): OcrLine => ({ text, confidence: 0.9, bbox });
  const page = (lines: OcrLine[]): OcrPageResult => ({ text: lines.map((l) => l.text).join('\n'), confidence: 0.9, lines, engine: 'tesseract', ms: 1 });

  it('a body line whose box is taller for brackets and tone marks keeps the body size; a title does not', () => {
    const lines = ocrToLines(
      page([
        line('某某市人大常委会工作报告', [500, 80, 2000, 190]),
        line('一年来常委会依法履职尽责推进各项工作取得新的进展', [300, 300, 2180, 370]),
        line('听取和审议(tīng)专项工作报告作出决议决定开展执法检', [300, 420, 2180, 512]),
        line('查和专题调研不断增强监督实效', [300, 540, 1200, 610]),
      ]),
      300,
    );
    expect(lines[1].size).toBeCloseTo(lines[2].size, 5);
    expect(lines[1].size).toBeCloseTo(lines[3].size, 5);
    expect(lines[0].size).toBeGreaterThan(lines[1].size * 1.45);
  });

  it('a line that ends in a stop or a closing bracket reaches to the end of that character\'s cell', () => {
    const [open, closed] = ocrToLines(page([line('会议听取了关于某某情况的报告', [300, 100, 2150, 170]), line('会议听取了关于某某「十四五」', [300, 200, 2150, 270])]), 300);
    expect(closed.x1 - open.x1).toBeCloseTo((0.6 * 70 * 72) / 300, 5);
  });
});

describe('pinyin glosses as OCR returns them', () => {
  it('on a page that shows itself glossed, misread glosses go too; elsewhere brackets of letters stay', () => {
    const glossed = normalise(plain('會(huì)議聽取了關(guān)於監(jiān)督工作的報告，審議(X ue)通過了議案；產(chgnm)業(y8)振興和務(wu工作，開展執（Zhi法檢查。')).text;
    expect(glossed).toBe('会议听取了关于监督工作的报告，审议通过了议案；产业振兴和务工作，开展执法检查。');
    // Capitals are an abbreviation, not a gloss, even on a glossed page; an unclosed bracket of capitals too.
    const acronyms = normalise(plain('會(huì)議聽取了關(guān)於監(jiān)督工作的報告(GDP)，推廣（PPP模式。')).text;
    expect(acronyms).toContain('（GDP）');
    expect(acronyms).toContain('（PPP模式');
    // On a simplified page the loose forms are never read as glosses.
    expect(normalise(plain('听取关于大气污染(pm)治理情况的报告(a)。')).text).toContain('（pm）');
  });
});

describe('what OCR loses around an agenda', () => {
  it('a delivery note whose closing bracket was lost still ends its line', () => {
    const text = normalise(plain('（2022年6月28日在某某市人民代表大会常务委员会第九次会议上\n某某市人大常委会秘书长某某\n各位委员：')).text;
    expect(text.split('\n')[0]).toBe('（2022年6月28日在某某市人民代表大会常务委员会第九次会议上');
  });

  it('"人事事项：听取…" and "…报告：书面审议…" are two entries each; a colon that announces the list stays', () => {
    expect(fixOcrPunctuation('建议议程有：人事事项：听取区政府关于养老服务的报告')).toBe('建议议程有：人事事项；听取区政府关于养老服务的报告');
    expect(fixOcrPunctuation('审议区政府关于国有资产的综合报告：书面审议执法检查组的报告')).toBe('审议区政府关于国有资产的综合报告；书面审议执法检查组的报告');
  });

  it('a meeting\'s date survives a misread 于 ("第七次会议说9月22日召开")', () => {
    expect(meetingMonth('会议决定，区人大常委会第七次会议说9月22日召开，建议议程有：')).toBe(9);
  });
});
