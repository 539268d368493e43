// Hostile input, generated at run time: the classes of file that break document tools (depth, size,
// length, lying names, broken containers), each at a size the caller chooses. Nothing here is a
// copy of a real file; the text is an invented county plan so that the good paths are exercised too.
// Used by test/hostile.test.ts (small sizes, in `npm test`) and test/bench/hostile.mjs (large sizes,
// time and peak RSS per case).
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { pdf } from './pdf.mjs';
import { zip } from './zip.mjs';

const ACTS = [
  '听取和审议县人民政府关于农村公路养护情况的报告',
  '开展《中华人民共和国水污染防治法》执法检查',
  '组织开展全县养老服务体系建设情况专题调研',
  '审议县人民政府关于提请审议城市总体规划调整的议案，作出决定',
  '对县人民政府交通运输部门开展专题询问',
  '听取和审议县人民法院关于行政审判工作情况的报告',
];
/** The CLI's default limits (extractors/limits.ts), which decide what a large case must give. */
const DEFAULT_PAGES = 2000;
const DEFAULT_CHARS = 5_000_000;

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** One numbered item of an invented plan: an act, a month and a lead committee. */
export function item(i) {
  return `（${CN[i % 10]}）${ACTS[i % ACTS.length]}，拟安排在${(i % 12) + 1}月份，由县人大常委会财政经济工作委员会负责。`;
}

/** An invented plan of about `chars` characters, one item per line. */
export function plan(chars, { title = '某某县人大常委会2025年监督工作计划' } = {}) {
  const lines = [title, '一、听取和审议专项工作报告'];
  let n = lines.join('').length;
  for (let i = 0; n < chars; i++) {
    const line = item(i);
    lines.push(line);
    n += line.length + 1;
  }
  return lines.join('\n');
}

/**
 * Text of about `chars` characters in one of the shapes that make analysis slow when a step is not
 * linear: everything on one line; one item of that length; many short paragraphs; many documents.
 */
export function textShape(shape, chars) {
  switch (shape) {
    case 'one-line':
      return plan(chars).replace(/\n/g, '');
    case 'one-item': {
      // One numbered item whose sentence goes on: clauses joined by commas, no full stop.
      const head = '某某县人大常委会2025年工作要点\n一、依法开展监督\n（一）';
      const clauses = [];
      let n = head.length;
      for (let i = 0; n < chars; i++) {
        const c = `${ACTS[i % ACTS.length]}${i}，`;
        clauses.push(c);
        n += c.length;
      }
      return head + clauses.join('') + '由县人大常委会办公室负责。';
    }
    case 'many-paragraphs':
      return plan(chars);
    case 'many-documents': {
      const docs = [];
      let n = 0;
      for (let k = 0; n < chars; k++) {
        const d = plan(600, { title: `某某县人大常委会${2000 + (k % 25)}年监督工作计划` });
        docs.push(d);
        n += d.length + 2;
      }
      return docs.join('\n\n');
    }
    case 'no-stops': {
      // Characters with no punctuation at all, on one line: scanned tables, OCR that lost every stop.
      const run = ACTS.join('').replace(/[《》]/g, '');
      return '某某县人大常委会2025年工作要点\n' + run.repeat(Math.ceil(chars / run.length)).slice(0, chars);
    }
    case 'no-stops-lines':
      // …and the same wrapped at a page's width, so that every line continues the one before.
      return textShape('no-stops', chars).replace(/([^\n]{38})/g, '$1\n');
    case 'long-list':
      // One enumeration that never ends: "报告、报告、…".
      return '某某县人大常委会2025年工作要点\n一、听取和审议' + '专项工作报告、'.repeat(Math.ceil(chars / 7)) + '等。';
    default:
      throw new Error(`unknown shape ${shape}`);
  }
}

export const TEXT_SHAPES = ['one-line', 'one-item', 'many-paragraphs', 'many-documents', 'no-stops', 'no-stops-lines', 'long-list'];

const html = (body, head = '') => `<!doctype html><html><head><meta charset="utf-8"><title>某某县人大常委会</title>${head}</head><body>${body}</body></html>`;

/** A DOCX holding the given word/document.xml body (WordprocessingML paragraphs). */
function docx(bodyXml, { prolog = '', store = false } = {}) {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document ${ns}><w:body>${bodyXml}</w:body></w:document>`, store },
  ]);
}

/**
 * A PNG that declares `width` × `height` grey pixels and holds one compressed row of them: a pixel
 * bomb when the sides are large, since a decoder that trusts the header allocates the whole page.
 */
export function pngClaiming(width, height) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (grey)
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(Math.min(width, 1 << 20) + 1))), chunk('IEND', Buffer.alloc(0))]);
}

const para = (t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

/**
 * The cases. Each: name, file name (the extension is what the file claims to be), bytes() and what
 * must come of it: `text` (the file is read and yields items) or `codes` (it fails with one of them).
 * `scale` grows the size-driven cases (1 = the small size `npm test` runs).
 */
export function cases(scale = 1) {
  const good = plan(600);
  // Past a default limit the file must fail with that limit's code; below it, be read.
  const pages = (n) => (n > DEFAULT_PAGES ? { codes: ['too_many_pages'] } : { text: true });
  const chars = (n) => (n > DEFAULT_CHARS ? { codes: ['text_too_long'] } : { text: true });
  return [
    { name: 'empty file', file: 'empty.txt', bytes: () => Buffer.alloc(0), codes: ['empty_file'] },
    { name: 'random bytes', file: 'random.bin', bytes: () => randomBytes(64 * 1024), codes: ['binary_file'] },
    { name: 'random bytes named .pdf', file: 'random.pdf', bytes: () => randomBytes(64 * 1024), codes: ['corrupt_pdf'] },
    { name: 'truncated PDF', file: 'truncated.pdf', bytes: () => pdf([good.split('\n')]).subarray(0, 400), codes: ['corrupt_pdf', 'no_text'] },
    { name: 'PDF header then garbage', file: 'garbage.pdf', bytes: () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(32 * 1024)]), codes: ['corrupt_pdf'] },
    { name: 'text named .pdf', file: 'plan.pdf', bytes: () => Buffer.from(good), text: true },
    { name: 'DOCX named .pdf', file: 'plan-docx.pdf', bytes: () => docx(good.split('\n').map(para).join('')), text: true },
    { name: 'PDF named .txt', file: 'plan-pdf.txt', bytes: () => pdf([good.split('\n')]), text: true },
    { name: 'HTML named .txt', file: 'page.txt', bytes: () => Buffer.from(html(good.split('\n').map((l) => `<p>${l}</p>`).join(''))), text: true },
    { name: 'DOCX named .docx, stored entries', file: 'stored.docx', bytes: () => docx(good.split('\n').map(para).join(''), { store: true }), text: true },
    { name: 'zip that is not a DOCX, named .docx', file: 'archive.docx', bytes: () => zip([{ name: 'a.txt', data: good }]), codes: ['corrupt_docx', 'unsupported_type'] },
    { name: 'control characters in text', file: 'control.txt', bytes: () => Buffer.from(good.replace(/，/g, '，\u0007\u001b')), text: true },
    { name: 'UTF-16LE text with BOM', file: 'utf16.txt', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]), text: true },
    { name: 'lone surrogates in UTF-16', file: 'surrogates.txt', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good.slice(0, 40) + '\ud800x\udfff' + good.slice(40), 'utf16le')]), text: true },
    { name: 'nested HTML', file: 'nested.html', bytes: () => Buffer.from(html('<div>'.repeat(10_000 * scale) + good.split('\n').map((l) => `<p>${l}</p>`).join('') + '</div>'.repeat(10_000 * scale))), text: true },
    { name: 'unclosed nested HTML', file: 'unclosed.html', bytes: () => Buffer.from(html('<span><b><i>'.repeat(5_000 * scale) + good.split('\n').map((l) => `<p>${l}`).join(''))), text: true },
    { name: 'nested DOCX XML', file: 'nested.docx', bytes: () => docx('<w:sdt><w:sdtContent>'.repeat(25_000 * scale) + good.split('\n').map(para).join('') + '</w:sdtContent></w:sdt>'.repeat(25_000 * scale)), text: true },
    { name: 'DOCX with an external entity', file: 'xxe.docx', bytes: () => docx(para('&xxe;') + good.split('\n').map(para).join(''), { prolog: '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' }), text: true, mustNotContain: 'root:' },
    { name: 'DOCX bomb', file: 'bomb.docx', bytes: () => docx(para('某'.repeat(1)) + `<w:p><w:r><w:t>${' '.repeat(8 * 1024 * 1024 * scale)}</w:t></w:r></w:p>`), limits: ['--max-part-size', '4MB'], codes: ['part_too_large'] },
    { name: 'text over the size limit', file: 'big.txt', bytes: () => Buffer.from(plan(200_000 * scale)), limits: ['--max-file-size', '100KB'], codes: ['file_too_large'] },
    { name: 'text over the character limit', file: 'long.txt', bytes: () => Buffer.from(plan(200_000 * scale)), limits: ['--max-chars', '100k'], codes: ['text_too_long'] },
    { name: 'PDF over the page limit', file: 'pages.pdf', bytes: () => pdf(Array.from({ length: 30 * scale }, (_, i) => [item(i)])), limits: ['--max-pages', '20'], codes: ['too_many_pages'] },
    { name: 'many-page PDF', file: 'many-pages.pdf', bytes: () => pdf(Array.from({ length: 200 * scale }, (_, i) => [i === 0 ? '某某县人大常委会2025年监督工作计划' : '', item(i)].filter(Boolean))), ...pages(200 * scale) },
    { name: 'PDF at the page limit', file: 'limit-pages.pdf', bytes: () => pdf(Array.from({ length: Math.min(DEFAULT_PAGES, 40 * scale) }, (_, i) => [item(i)])), text: true },
    { name: 'image pixel bomb (PNG header claiming 100,000² pixels), named .jpg', file: 'bomb.jpg', bytes: () => pngClaiming(100_000, 100_000), codes: ['image_too_large'] },
    { name: 'image signature then garbage', file: 'broken.png', bytes: () => Buffer.concat([pngClaiming(10, 10).subarray(0, 33), randomBytes(16 * 1024)]), codes: ['corrupt_image'] },
    { name: 'PDF page with a huge MediaBox', file: 'huge-page.pdf', bytes: () => pdf([good.split('\n')], { box: [14_400, 14_400], size: 200 }), text: true },
    ...TEXT_SHAPES.map((shape) => ({ name: `text, ${shape}`, file: `${shape}.txt`, bytes: () => Buffer.from(textShape(shape, 200_000 * scale)), ...chars(200_000 * scale) })),
    { name: 'HTML, many paragraphs', file: 'paragraphs.html', bytes: () => Buffer.from(html(plan(90_000 * scale).split('\n').map((l) => `<p>${l}</p>`).join('\n'))), ...chars(90_000 * scale) },
    { name: 'text just under the character limit', file: 'under-limit.txt', bytes: () => Buffer.from(plan(Math.min(DEFAULT_CHARS * 0.95, 200_000 * scale))), text: true },
    // At full size only: 100 MB of text at the default limits is refused by its length, not read.
    ...(scale >= 10
      ? [{ name: '100 MB of text', file: 'huge.txt', bytes: () => Buffer.from(plan(100 * 1024 * 1024 / 3)), codes: ['text_too_long'] }]
      : []),
  ];
}

/** A file every batch holds beside the hostile one: it must still be written. */
export const GOOD = { file: 'good.txt', bytes: () => Buffer.from(plan(800, { title: '某某县人大常委会2024年工作要点' })) };
