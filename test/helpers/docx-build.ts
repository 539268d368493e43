/**
 * DOCX files made at test time, so hostile ones (deep, huge, lying, broken) need no committed
 * bytes: a small zip writer (stored or deflated entries, no zip64) and a package around a
 * document.xml body. Zip bombs are built from deflate segments, never by deflating the gigabyte.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface ZipInput {
  name: string;
  data: Buffer | string;
  /** Stored (method 0) instead of deflated. */
  store?: boolean;
  /** Data already compressed (a bomb): written as deflate with these sizes and CRC in the headers. */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** A method number other than 0/8 in the headers (the data is written stored). */
  method?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

/** A zip of the entries, in order. */
export function zip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const body = e.deflated?.bytes ?? (e.store || e.method !== undefined ? raw : deflateRawSync(raw));
    const method = e.method ?? (e.store ? 0 : 8);
    const size = e.deflated?.size ?? raw.length;
    const crc = e.deflated?.crc ?? crc32(raw);
    const flags = 0x0800 | (e.flags ?? 0); // names are UTF-8
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(Math.min(size, 0xffffffff), 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A document.xml around `body` (w:p, w:tbl … elements); `prolog` goes before the root (a DOCTYPE). */
export const documentXml = (body: string, prolog = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`;

/** A paragraph of plain text (XML-escaped), with optional paragraph properties. */
export const para = (text: string, pPr = ''): string =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/**
 * A DOCX: `document` is document.xml's text, or an entry of its own (a bomb, a stored part);
 * `parts` are more parts under word/ (styles.xml, numbering.xml, footnotes.xml), found by their
 * usual names.
 */
export function docx(document: string | Omit<ZipInput, 'name'>, options: { parts?: Record<string, string>; store?: boolean } = {}): Buffer {
  const main: ZipInput = typeof document === 'string' ? { name: 'word/document.xml', data: document } : { name: 'word/document.xml', ...document };
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES, store: options.store },
    { name: '_rels/.rels', data: PACKAGE_RELS, store: options.store },
    { store: options.store, ...main },
    ...Object.entries(options.parts ?? {}).map(([name, data]) => ({ name: `word/${name}`, data, store: options.store })),
  ]);
}

/**
 * The deflate stream of `head`, then `middle` repeated `times`, then `tail`, without ever holding
 * the whole: each piece is compressed alone with a full flush (which leaves it byte-aligned and
 * independent of the others), the pieces are concatenated, and an empty final block ends the
 * stream. With a repetitive `middle` of 1 MiB, a gigabyte of XML costs about a megabyte.
 */
export function deflateBomb(head: string, middle: string, times: number, tail: string): { bytes: Buffer; size: number; crc: number } {
  const piece = (s: string) => deflateRawSync(Buffer.from(s, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const middleBytes = Buffer.from(middle, 'utf8');
  const repeated = piece(middle);
  const parts = [piece(head)];
  let crc = crc32(head);
  for (let i = 0; i < times; i++) {
    parts.push(repeated);
    crc = crc32(middleBytes, crc);
  }
  parts.push(piece(tail), Buffer.from([0x03, 0x00]));
  crc = crc32(tail, crc);
  const size = Buffer.byteLength(head) + middleBytes.length * times + Buffer.byteLength(tail);
  return { bytes: Buffer.concat(parts), size, crc };
}
