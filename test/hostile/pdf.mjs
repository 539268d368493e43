// A minimal PDF writer for generated test files: pages of Chinese text in the standard CJK font
// STSong-Light (not embedded; readers map it through the UniGB-UCS2-H CMap), so a 5,000-page PDF
// is a few megabytes and every page has a real text layer.
import { stream as streamObject, writePdf } from '../helpers/pdf-writer.mjs';

/** pages: string[][] (lines per page); box: [w, h] in points. Returns the PDF's bytes. */
export function pdf(pages, { box = [595, 842], size = 12 } = {}) {
  const objects = []; // 1-based object bodies
  const add = (body) => objects.push(body) && objects.length;
  const catalog = add(''); // filled in below
  const pagesId = add('');
  const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cid = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  const kids = [];
  for (const lines of pages) {
    const ops = ['BT', `/F1 ${size} Tf`, `${size * 1.5} TL`, `${72} ${box[1] - 72} Td`];
    // Wrapped to the page's width, as a word processor would: a paragraph's last line is short.
    const perLine = Math.max(1, Math.floor((box[0] - 144) / size));
    for (const line of lines) for (let i = 0; i < line.length; i += perLine) ops.push(`<${ucs2(line.slice(i, i + perLine))}> Tj T*`);
    ops.push('ET');
    const content = add(streamObject(ops.join('\n')));
    kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${box[0]} ${box[1]}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return writePdf(objects);
}

/** UTF-16BE hex of the BMP characters of s. */
const ucs2 = (s) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
