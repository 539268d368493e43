import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfExtractor } from '../extractors/pdf.js';
import { buildLines, placeItems, type Item } from '../extractors/_pdf-lines.js';
import { openPdfium } from '../extractors/_pdfium-text.js';
import type { ExtractedText } from '../schemas/stages.js';
import { FileError } from '../schemas/errors.js';
import { fixture, readFixture } from './helpers.js';
import { stream, writePdf } from './helpers/pdf-writer.mjs';

const FIXTURES = ['000_aed2f3b3ef629585', '001_754274ce12da7e36', '002_4ff2a9da724ed550'];

const pdfBytes = (name: string) => new Uint8Array(readFileSync(fixture(`pdf/${name}.pdf`)));
const squash = (s: string) => s.replace(/\s+/g, '');
const isSeparatorRow = (line: string) => /^\|[\s:|-]+\|$/.test(line.trim());

/** The seed's lines: each is one paragraph (or table row) of the fixture PDF. */
const seedLines = (name: string) =>
  readFixture(`text/${name}.txt`)
    .split('\n')
    .filter((l) => l.trim() && !isSeparatorRow(l))
    .map(squash);

/** Lines of the whole document, a page's last line joined to the next page's first where it `continues`. */
function joinedLines(r: ExtractedText): string[] {
  const out: string[] = [];
  let runOn = false;
  for (const page of r.pages) {
    const lines = page.text.split('\n').filter((l) => l !== '');
    if (runOn && lines.length && out.length) out[out.length - 1] += lines.shift();
    out.push(...lines);
    runOn = page.continues === true;
  }
  return out;
}

/** Objects of type /Page in the file: an independent page count (LibreOffice writes no object streams). */
const pageObjects = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length;

describe('pdfExtractor on the fixture PDFs', () => {
  const results = new Map<string, ExtractedText>();
  beforeAll(async () => {
    for (const name of FIXTURES) results.set(name, await pdfExtractor.extract(pdfBytes(name), { path: `${name}.pdf` }));
  });

  it.each(FIXTURES)('%s: every page, numbered from 1', (name) => {
    const r = results.get(name)!;
    expect(r).toMatchObject({ extractor: 'pdf', mediaType: 'application/pdf' });
    expect(r.pageCount).toBe(pageObjects(pdfBytes(name)));
    expect(r.pages.map((p) => p.number)).toEqual(Array.from({ length: r.pageCount! }, (_, i) => i + 1));
    expect(r.pages.at(-1)!.continues).toBe(false);
  });

  it('reads the title from the PDF info', () => {
    expect(results.get('000_aed2f3b3ef629585')!.meta.title).toBe('濮阳县人民代表大会常务委员会2023年度工作要点');
  });

  it.each([
    ['000_aed2f3b3ef629585', '濮阳县人民代表大会常务委员会文件'],
    ['001_754274ce12da7e36', '禹州市人民代表大会常务委员会'],
    ['002_4ff2a9da724ed550', '河南省人民代表大会常务委员会'],
  ])('%s: drops the running header and the page numbers', (name, header) => {
    const lines = results.get(name)!.pages.flatMap((p) => p.text.split('\n'));
    expect(lines).not.toContain(header);
    const pageNumber = /^(?:—\s*\d+\s*—|第\s*\d+\s*页\s*共\s*\d+\s*页|\d+)$/;
    expect(lines.filter((l) => pageNumber.test(l.trim()))).toEqual([]);
  });

  it.each(FIXTURES)('%s: every seed paragraph comes out as one line, in order', (name) => {
    const r = results.get(name)!;
    const got = joinedLines(r).filter((l) => !isSeparatorRow(l)).map(squash);
    expect(got).toEqual(seedLines(name));
  });

  it('joins a paragraph wrapped over many lines within a page', () => {
    const para = seedLines('000_aed2f3b3ef629585').find((l) => l.startsWith('2023年是全面贯彻落实'))!;
    expect(para.length).toBeGreaterThan(150); // six lines of 28 characters in the PDF
    const page1 = results.get('000_aed2f3b3ef629585')!.pages[0].text.split('\n').map(squash);
    expect(page1).toContain(para);
  });

  it('marks pages that end mid-paragraph, and only those', () => {
    const r = results.get('000_aed2f3b3ef629585')!;
    const seed = new Set(seedLines('000_aed2f3b3ef629585'));
    const flagged = r.pages.filter((p) => p.continues);
    expect(flagged.length).toBeGreaterThan(3);
    let carried = '';
    for (const p of r.pages.slice(0, -1)) {
      const lines = p.text.split('\n').map(squash);
      const last = (lines.length === 1 ? carried : '') + lines.at(-1);
      // A page's last paragraph is a whole seed line exactly when it does not run on.
      expect(seed.has(last), `page ${p.number}: …${last.slice(-20)}`).toBe(!p.continues);
      carried = p.continues ? last : '';
    }
  });

  it('emits the agenda table as "| … | … |" rows', () => {
    const rows = results
      .get('000_aed2f3b3ef629585')!
      .pages.flatMap((p) => p.text.split('\n'))
      .filter((l) => l.startsWith('|'));
    const wanted = readFixture('text/000_aed2f3b3ef629585.txt')
      .split('\n')
      .filter((l) => l.startsWith('|') && !isSeparatorRow(l));
    expect(wanted).toHaveLength(7);
    expect(rows.filter((l) => !isSeparatorRow(l)).map(squash)).toEqual(wanted.map(squash));
    expect(rows[0]).toBe('| 时间 | 会议议题 |');
    expect(rows[1]).toBe('| --- | --- |');
    expect(rows[2]).toMatch(/^\| 3月 \| 1\. 审议通过《濮阳县人民代表大会常务委员会 2023 年度工作要点（草案）》（办） 2\. /);
  });
});

/**
 * A PDF written by hand. Its font is STSong-Light, not embedded, with text coded as UCS-2 through
 * the UniGB-UCS2-H CMap, as many Chinese producers write it: pdf.js reads such text only with its
 * CMap files. Each page is a content stream.
 */
function handMadePdf(pages: string[], pageDict = ''): Uint8Array {
  const objs: Array<string | Uint8Array> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '', // the page tree, once the pages are numbered
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ];
  const kids: number[] = [];
  for (const content of pages) {
    objs.push(stream(content));
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]${pageDict ? ` ${pageDict}` : ''} /Resources << /Font << /F1 3 0 R >> >> /Contents ${objs.length} 0 R >>`);
    kids.push(objs.length);
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return new Uint8Array(writePdf(objs));
}

/** Text drawn with the matrix `tm`, in UCS-2 hex. */
const show = (tm: string, s: string) =>
  `BT /F1 12 Tf ${tm} Tm <${[...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('')}> Tj ET`;

describe('pdfExtractor on hand-made PDFs', () => {
  it('decodes CJK text through the CMaps, drops diagonal watermarks, leaves an image-only page empty', async () => {
    const bytes = handMadePdf([
      [
        show('1 0 0 1 72 700', '人大常委会'),
        show('1 0 0 1 72 680', '2023年工作要点'),
        show('21.2 21.2 -21.2 21.2 200 300', '内部资料'),
      ].join('\n'),
      '0 0 1 rg 100 100 200 200 re f',
    ]);
    const r = await pdfExtractor.extract(bytes, { path: 'hand.pdf' });
    expect(r.pageCount).toBe(2);
    expect(r.pages[0].text).toBe('人大常委会\n2023年工作要点');
    // A scan has no text layer: not an error, and nothing to say about continuation.
    expect(r.pages[1]).toEqual({ number: 2, text: '', continues: undefined });
    expect(r.meta).toEqual({});
  });

  it('leaves the caller’s bytes intact', async () => {
    const bytes = handMadePdf([show('1 0 0 1 72 700', '文字')]);
    const copy = bytes.slice();
    await pdfExtractor.extract(bytes, { path: 'hand.pdf' });
    expect(bytes).toEqual(copy);
  });
});

describe('PDFium text layer (_pdfium-text.ts)', () => {
  // The runs must land where pdf.js's text items land after the viewport transform, on pages turned
  // by /Rotate and cut by a crop box (PDFium reports unrotated user space, y up).
  const drawn = [show('1 0 0 1 72 700', '人大常委会'), show('1 0 0 1 72 680', '2023年工作要点'), show('1 0 0 1 300 680', '附件')].join('\n');
  it.each([0, 90, 180, 270])('places text as pdf.js does on a page with /Rotate %i and a crop box', async (rotate) => {
    const bytes = handMadePdf([drawn], `/Rotate ${rotate} /CropBox [50 100 545 800]`);
    const text = (await openPdfium(bytes))!;
    const own = text.page(1)!;
    text.close();
    // Order is not compared: PDFium orders characters by its own reading of the page, buildLines by geometry.
    const byPlace = (a: Item, b: Item) => a.y - b.y || a.x - b.x;
    const mine = placeItems(own.items, own.view).sort(byPlace);

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const doc = await pdfjs.getDocument({ data: bytes.slice(), cMapUrl: join(root, 'cmaps') + '/', cMapPacked: true, verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    const theirs = placeItems(content.items.filter((it) => 'str' in it), page.getViewport({ scale: 1 }).transform).sort(byPlace);
    await doc.destroy();

    expect(mine.map((i) => i.str)).toEqual(theirs.map((i) => i.str));
    mine.forEach((m, k) => {
      for (const key of ['x', 'y', 'w', 'size'] as const) expect(Math.abs(m[key] - theirs[k][key])).toBeLessThan(0.5);
    });
    expect(buildLines(mine).map((l) => l.text)).toEqual(['人大常委会', '2023年工作要点 附件']);
  });
});

describe('pdfExtractor errors', () => {
  const full = pdfBytes('002_4ff2a9da724ed550');
  const garbled = full.slice();
  for (let i = 1024; i < garbled.length; i += 7) garbled[i] ^= 0x5a;

  it.each([
    ['truncated', full.slice(0, full.length >> 1)],
    ['garbled', garbled],
    ['not a PDF at all', new TextEncoder().encode('<html><body>404 Not Found</body></html>')],
  ])('rejects %s bytes with corrupt_pdf', async (_, bytes) => {
    const err = await pdfExtractor.extract(bytes, { path: 'bad.pdf' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileError);
    expect(err).toMatchObject({ code: 'corrupt_pdf' });
    expect((err as FileError).cause).toBeDefined();
  });

  it('rejects an empty file with empty_file', async () => {
    await expect(pdfExtractor.extract(new Uint8Array(0), { path: 'empty.pdf' })).rejects.toMatchObject({ code: 'empty_file' });
  });
});

describe('pdfExtractor.accepts', () => {
  const head = (s: string) => new TextEncoder().encode(s);
  it('takes files that start like a PDF, or are named .pdf', () => {
    expect(pdfExtractor.accepts({ path: 'a.bin', ext: '.bin', head: head('%PDF-1.7\n') })).toBe(true);
    expect(pdfExtractor.accepts({ path: 'a.bin', ext: '.bin', head: head('\r\n%PDF-1.4') })).toBe(true);
    expect(pdfExtractor.accepts({ path: 'a.pdf', ext: '.pdf', head: head('<html>') })).toBe(true);
    expect(pdfExtractor.accepts({ path: 'a.txt', ext: '.txt', head: head('一、总体要求') })).toBe(false);
  });
});
