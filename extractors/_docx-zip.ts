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

/**
 * The names in a zip's central directory, read from its end record. Null when the bytes are not a
 * complete zip (a download cut short loses the directory, which sits at the end).
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
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
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

export function isDocxZip(bytes: Uint8Array): boolean {
  return isZipMagic(bytes) && (zipEntryNames(bytes)?.includes('word/document.xml') ?? false);
}
