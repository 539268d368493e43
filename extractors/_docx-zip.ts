/**
 * Word files by their bytes. A DOCX is a zip holding word/document.xml; a legacy .doc is an OLE2
 * compound file. Government sites name either one .doc, so the name is only a hint.
 */

export const isZipMagic = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export const isOle2Magic = (b: Uint8Array): boolean =>
  b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;

const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');

/**
 * A compound file holding a Word document: its directory names a "WordDocument" stream (names are
 * UTF-16LE). Legacy spreadsheets and slides are OLE2 too, with "Workbook" or "PowerPoint Document".
 */
export function isWordOle2(bytes: Uint8Array): boolean {
  return isOle2Magic(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(WORD_STREAM);
}

/** What to tell a user holding a legacy .doc. */
export const DOC_HINT =
  'legacy Word (.doc) files need LibreOffice, which was not found (install it, or set RENDA_SOFFICE to its soffice binary), or convert the file to DOCX first: soffice --headless --convert-to docx <file>';

/** One file of a zip as its central directory describes it; the data is not touched. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is refused by the part reader. */
  method: number;
  /** General-purpose flags; bit 0 means encrypted. */
  flags: number;
  compressedSize: number;
  /** What the directory claims the data inflates to: a hint (a bomb may lie), checked again while inflating. */
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const MAX32 = 0xffffffff;

/**
 * The entries of a zip's central directory, read from its end record. Null when the bytes are not a
 * complete zip (a download cut short loses the directory, which sits at the end). Sizes and offsets
 * too large for 32 bits are read from the entry's zip64 extra field; a zip64 end record (over 65,535
 * entries or a directory past 4 GiB) is not read, as no Word file needs one.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is 22 bytes plus a comment of up to 64 KiB.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > buf.length) return null;
    const entry: ZipEntry = {
      name: buf.toString('utf8', at + 46, nameEnd),
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    readZip64(buf.subarray(nameEnd, nameEnd + extraLength), entry);
    entries.push(entry);
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** The zip64 extra field (id 1) holds, in this order, each of the three values whose 32-bit field is all ones. */
function readZip64(extra: Buffer, entry: ZipEntry): void {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const length = extra.readUInt16LE(i + 2);
    if (id === 1) {
      let at = i + 4;
      const end = Math.min(extra.length, at + length);
      const next = (): number => {
        const value = at + 8 <= end ? Number(extra.readBigUInt64LE(at)) : MAX32;
        at += 8;
        return value;
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.localOffset === MAX32) entry.localOffset = next();
      return;
    }
    i += 4 + length;
  }
}

/** The names in a zip's central directory; null when the bytes are not a complete zip. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  return zipEntries(bytes)?.map((e) => e.name) ?? null;
}

export function isDocxZip(bytes: Uint8Array): boolean {
  return isZipMagic(bytes) && (zipEntryNames(bytes)?.includes('word/document.xml') ?? false);
}
