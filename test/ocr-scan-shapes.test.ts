// What OCR output of real pages looks like, and how it is read: made-up sentences in the shapes the
// real corpus's scan twins showed (a title wrapped onto a centred line, misreads that straddle a line
// break, a marker's stop lost at a line end, dashes read as 一, ellipses read as dots).
import { describe, expect, it } from 'vitest';
import { layoutPages } from '../extractors/_pdf-layout.js';
import { toParagraphs, type Margins } from '../extractors/_pdf-paragraphs.js';
import type { Line } from '../extractors/_pdf-lines.js';
import { cleanOcrLine, fixOcrDashes, fixOcrParagraph } from '../extractors/ocr/clean.js';
import { ocrToLines } from '../extractors/ocr/to-lines.js';
import type { OcrPageResult } from '../extractors/ocr/types.js';
import { ocrBox, ocrPage } from './helpers.js';

/** A 300-dpi page: body lines 60 px tall from x 320 to 2180, first lines indented to 450. */
const box = ocrBox;
const page = ocrPage;
const body = [
  box('某某县人大常委会在县委的领导下认真履行宪法和法律赋予的职责，', 700, 450, 2180),
  box('依法开展监督工作，听取和审议专项工作报告，开展执法检查和专题调', 820, 320, 2180),
  box('研，各项工作取得新的进展。', 940, 320, 1100),
  box('常委会坚持围绕中心服务大局，认真听取和审议县人民政府关于某某', 1060, 450, 2180),
  box('工作情况的报告，推动有关工作落实。', 1180, 320, 1400),
];
const texts = (r: OcrPageResult) => layoutPages([ocrToLines(r, 300)])[0].text.split('\n');

describe('a title that wraps onto a centred line, as OCR boxes it', () => {
  it('is one line although its two boxes are of different heights', () => {
    const r = page([box('某某市某某区人民代表大会常务委员会关于召开第二次会议', 300, 340, 2175, 82), box('的决定', 420, 1130, 1370, 96), ...body]);
    expect(texts(r)[0]).toBe('某某市某某区人民代表大会常务委员会关于召开第二次会议的决定');
  });

  it('also when both boxes are of body height', () => {
    const r = page([box('某某区人大常委会确定本年度监督工作计划和立法工作计', 300, 340, 2178), box('划', 410, 1210, 1290), ...body]);
    expect(texts(r)[0]).toBe('某某区人大常委会确定本年度监督工作计划和立法工作计划');
  });

  it('but a paragraph\'s indented first line, a numbered line or a finished sentence under a full line start anew', () => {
    // A body paragraph ending flush, then a short indented paragraph that happens to sit centred.
    const r = page([
      box('会议听取和审议了县人民政府关于某某工作情况的报告，并进行了满意度', 300, 450, 2180),
      box('测评，会议要求有关部门认真研究处理审议意见切实加强某某工作。', 420, 320, 2180),
      box('会议还审议了其他事项。', 540, 450, 2050),
      ...body,
    ]);
    expect(texts(r).slice(0, 2)).toEqual(['会议听取和审议了县人民政府关于某某工作情况的报告，并进行了满意度测评，会议要求有关部门认真研究处理审议意见切实加强某某工作。', '会议还审议了其他事项。']);
    const numbered = page([box('某某县人民代表大会常务委员会本年度工作要点全文如下所示', 300, 340, 2175), box('一、总体要求', 420, 1000, 1500), ...body]);
    expect(texts(numbered).slice(0, 2)).toEqual(['某某县人民代表大会常务委员会本年度工作要点全文如下所示', '一、总体要求']);
    const ended = page([box('某某县人民代表大会常务委员会关于某某事项的公告如下：', 300, 340, 2175), box('（第十号）', 420, 1100, 1400), ...body]);
    expect(texts(ended).slice(0, 2)).toEqual(['某某县人民代表大会常务委员会关于某某事项的公告如下：', '（第十号）']);
  });

  it('never joins text-layer PDF lines (no OCR flag), which keep their font-size rule', () => {
    const m: Margins = { left: 80, right: 520, size: 14, slack: 7 };
    const line = (text: string, y: number, x0: number, x1: number): Line => ({ y, size: 14, x0, x1, text, segments: [{ x0, x1, text }] });
    const paras = toParagraphs([line('某某县人民代表大会常务委员会关于召开第二次会议', 100, 82, 519), line('的决定', 130, 270, 330)], m);
    expect(paras.map((p) => p.text)).toEqual(['某某县人民代表大会常务委员会关于召开第二次会议', '的决定']);
  });
});

describe('misreads that straddle a line break', () => {
  it('are repaired once the lines are joined: a colon read for ；, a number split by the break', () => {
    const r = page([
      box('本次会议建议议程主要包括：听取和审议县人民政府工作报告：审', 300, 450, 2180),
      box('查和批准某某县上年县本级财政预算执行情况及201', 420, 320, 2180),
      box('9年预算草案的报告；听取和审议县人民法院工作报告。', 540, 320, 1700),
      ...body,
    ]);
    expect(texts(r)[0]).toBe('本次会议建议议程主要包括：听取和审议县人民政府工作报告；审查和批准某某县上年县本级财政预算执行情况及2019年预算草案的报告；听取和审议县人民法院工作报告。');
  });

  it('a run-together numbered list gets back the stop a marker lost at a line end', () => {
    expect(fixOcrParagraph('全体会议：1.审议《某某条例（草案）》；2.审议《某某规定（草案）》；3听取和审议某某报告；4.人事任免事项。')).toBe(
      '全体会议：1.审议《某某条例（草案）》；2.审议《某某规定（草案）》；3.听取和审议某某报告；4.人事任免事项。',
    );
    // Only the next number of the list, and never a date: "；3月…" stays a month.
    expect(fixOcrParagraph('议程：1.审议某某报告；2.审议某某条例；3月召开会议')).toBe('议程：1.审议某某报告；2.审议某某条例；3月召开会议');
    expect(fixOcrParagraph('会议听取了报告；5名委员作了发言')).toBe('会议听取了报告；5名委员作了发言');
    expect(fixOcrParagraph('共审议12件；7件已通过')).toBe('共审议12件；7件已通过');
  });
});

describe('dashes and ellipses as OCR reads them', () => {
  it('a delivery note\'s opening dash read as 一 before the date is a dash again', () => {
    expect(cleanOcrLine('一2024年1月8日在某某市第十届人民代表大会第三次会议上')).toBe('——2024年1月8日在某某市第十届人民代表大会第三次会议上');
    expect(cleanOcrLine('一二〇二四年一月八日在某某县第九届人民代表大会第二次会议上')).toBe('——二〇二四年一月八日在某某县第九届人民代表大会第二次会议上');
    expect(fixOcrDashes('2024年3月5一11日，会议在某地召开')).toBe('2024年3月5—11日，会议在某地召开');
    // 一 as a numeral stays.
    expect(cleanOcrLine('一、2024年工作回顾')).toBe('一、2024年工作回顾');
    expect(cleanOcrLine('一年来，常委会依法履职')).toBe('一年来，常委会依法履职');
    expect(cleanOcrLine('第一次会议于12月1日召开')).toBe('第一次会议于12月1日召开');
  });

  it('an ellipsis read as a run of dots ends its paragraph', () => {
    expect(cleanOcrLine('依法任免国家机关工作人员86人次······')).toBe('依法任免国家机关工作人员86人次……');
    expect(cleanOcrLine('组织专题调研6项.....')).toBe('组织专题调研6项……');
    expect(cleanOcrLine('“强城有我·双岗建功”主题活动')).toBe('“强城有我·双岗建功”主题活动');
  });
});

describe('an inline list that wraps after a stop', () => {
  it('in a page that indents its paragraphs, "二是…" at the margin after a full line ending "；" goes on the same paragraph', () => {
    const r = page([
      box('会议决定，县人大常委会第九次会议于6月5日召开，建议议程有3项：一是审议', 300, 450, 2180),
      box('人事任免事项；', 420, 320, 2180),
      box('二是听取和审议县政府关于河道治理工作情况的报告；三是其他。', 540, 320, 1900),
      ...body,
    ]);
    expect(texts(r)[0]).toBe('会议决定，县人大常委会第九次会议于6月5日召开，建议议程有3项：一是审议人事任免事项；二是听取和审议县政府关于河道治理工作情况的报告；三是其他。');
    // An indented "二是" is a paragraph of its own.
    const own = page([box('一是加强监督工作，听取和审议县政府关于河道治理工作情况的报告；', 300, 450, 2180), box('二是加强代表工作。', 420, 450, 1200), ...body]);
    expect(texts(own).slice(0, 2)).toEqual(['一是加强监督工作，听取和审议县政府关于河道治理工作情况的报告；', '二是加强代表工作。']);
  });
});
