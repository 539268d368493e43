import { fileTypeFromBuffer } from 'file-type';
import { FileError } from '../schemas/errors.js';
import { bomEncoding } from './_charset.js';
import { isWordOle2, zipEntryNames } from './_docx-zip.js';
import { HTML_EXTENSIONS } from './html.js';
import { IMAGE_EXT } from './image.js';

/**
 * What a file is, from its bytes; the name is only a hint. A PDF renamed .txt is a PDF, a DOCX
 * saved as .pdf is a DOCX, a WebP scan named .png is a WebP. Binary formats are recognised by
 * file-type (magic numbers, and a zip's entries for Office files); text and HTML, which have no
 * magic, by their first bytes. What the name said is kept, so a mismatch can be reported.
 */
export type SniffedType = 'pdf' | 'html' | 'text' | 'image' | 'docx' | 'doc';

export interface Sniffed {
  type: SniffedType;
  /** The format found, for the record: "pdf", "docx", "webp", "html", "text". */
  format: string;
  /** What the file name says it is, when that is a type renda reads and differs from what was found. */
  mismatch?: string;
}

/** Formats renda recognises but does not read (yet): skipped with a clear reason, not failed. */
export const UNSUPPORTED_EXTENSIONS = new Set([
  '.doc', '.wps', '.mht', '.mhtml', '.xls', '.xlsx', '.ppt', '.pptx', '.ofd', '.zip', '.rar', '.7z',
  '.mp4', '.mp3',
  // Data and code that sit beside documents in research folders; read as text they would be noise.
  '.json', '.csv', '.tsv', '.xml', '.md', '.js', '.css', '.sqlite', '.db',
]);

/**
 * Formats file-type recognises from a couple of bytes that text can also begin with (an MPEG audio
 * frame starts 0xFF 0xE?): believed only when the rest of the head is binary too.
 */
const WEAK_SIGNATURES = new Set(['mp1', 'mp2', 'mp3', 'aac', 'mpg', 'ac3']);

/** Image formats sharp decodes (its prebuilt binaries: no HEIC, no BMP). */
const SHARP_IMAGES = new Set(['jpg', 'png', 'webp', 'gif', 'avif', 'tif']);
/** Image formats sharp cannot decode, and what to convert them to. */
const UNDECODABLE_IMAGES: Record<string, string> = { bmp: 'PNG', heic: 'JPEG or PNG' };

export async function sniff(bytes: Uint8Array, ext: string): Promise<Sniffed> {
  if (bytes.length === 0) throw new FileError('empty_file', `the file is empty`);
  const head = bytes.subarray(0, 1024);
  const byName = typeByName(ext);
  // Sites save DOCX as .doc and legacy Word as .docx so often that the swap is not worth a warning.
  const word = (t?: SniffedType) => t === 'doc' || t === 'docx';
  const found = (type: SniffedType, format: string): Sniffed => ({
    type,
    format,
    ...(byName && byName !== type && !(word(byName) && word(type)) ? { mismatch: byName } : {}),
  });
  // The PDF spec lets a header sit anywhere in the first KiB; only trust that for .pdf files, since
  // text that quotes "%PDF-" is not a PDF.
  if (startsWith(head, '%PDF-') || (ext === '.pdf' && latin1(head).includes('%PDF-'))) return found('pdf', 'pdf');
  // Text with a byte-order mark is text: its first bytes would otherwise pass for an MPEG frame.
  const binary = bomEncoding(head) ? undefined : await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (binary && !(WEAK_SIGNATURES.has(binary.ext) && !looksBinary(head))) {
    if (binary.ext === 'pdf') return found('pdf', 'pdf');
    if (SHARP_IMAGES.has(binary.ext)) return found('image', binary.ext);
    const convert = UNDECODABLE_IMAGES[binary.ext];
    if (convert) throw new FileError('unsupported_type', `a ${binary.ext.toUpperCase()} image, which renda's image decoder cannot read; convert the file to ${convert}`);
    if (binary.ext === 'docx' || (binary.ext === 'zip' && zipEntryNames(bytes)?.includes('word/document.xml'))) return found('docx', 'docx');
    // Sites name DOCX files .doc and legacy files .docx; the compound file's streams decide.
    if (binary.ext === 'cfb') {
      if (isWordOle2(bytes)) return found('doc', 'doc');
      throw new FileError('unsupported_type', 'an OLE2 file that is not a Word document (a legacy spreadsheet or presentation?)');
    }
    if (byName === 'docx' && binary.ext === 'zip') throw new FileError('corrupt_docx', `not a DOCX (a zip without word/document.xml)`);
    throw new FileError('unsupported_type', `a ${binary.ext.toUpperCase()} file (${binary.mime}), which renda does not read`);
  }
  if (looksBinary(head)) {
    // A name that promises a format we read, on bytes that are none of them: that file is broken.
    if (byName === 'pdf') throw new FileError('corrupt_pdf', `not a PDF (no %PDF- header)`);
    if (byName === 'image') throw new FileError('corrupt_image', `not a ${ext} image (unknown signature)`);
    if (byName === 'docx' || byName === 'doc') throw new FileError('corrupt_docx', `not a Word file (no zip or OLE2 signature)`);
    throw new FileError('binary_file', `binary content, not text, HTML, PDF, Word or an image`);
  }
  if (UNSUPPORTED_EXTENSIONS.has(ext)) throw new FileError('unsupported_type', `${ext} files are not supported`);
  // Browsers prefix saved pages with "<!-- saved from url=… -->".
  const markup = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html|<head|<meta)/i.test(latin1(head).replace(/^\ufeff|^ï»¿/, ''));
  if (markup || HTML_EXTENSIONS.has(ext)) return found('html', 'html');
  return found('text', 'text');
}

/** The type a file's extension promises, for the types renda reads. */
export function typeByName(ext: string): SniffedType | undefined {
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.doc') return 'doc';
  if (IMAGE_EXT.has(ext)) return 'image';
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  if (ext === '.txt' || ext === '.text') return 'text';
  return undefined;
}

/** NUL bytes, or many C0 control characters, never appear in text in any of the encodings we read. */
export function looksBinary(head: Uint8Array): boolean {
  // UTF-16 text has NULs; its BOM says so.
  if (bomEncoding(head)?.startsWith('UTF-16')) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  // Text has next to no C0 controls; random or compressed bytes have about one in ten (25 of 256 values). The bar
  // sits well below that: at one in ten, one random 1 KB head in a hundred without a NUL read as text.
  return head.length > 0 && control / head.length > 0.05;
}

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const startsWith = (b: Uint8Array, s: string) => latin1(b.subarray(0, s.length)) === s;
