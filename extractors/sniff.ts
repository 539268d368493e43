import { FileError } from '../pipeline/errors.js';
import { bomEncoding } from './_charset.js';
import { isOle2Magic, isZipMagic } from './_docx-zip.js';
import { HTML_EXTENSIONS } from './html.js';
import { IMAGE_EXT, isImageMagic } from './image.js';
import type { SourceProbe } from './types.js';

/**
 * What a file is, from its bytes first and its name second: a PDF renamed .txt is still a PDF, and
 * a .pdf that does not start like one is corrupt, not text.
 */
export type SniffedType = 'pdf' | 'html' | 'text' | 'image' | 'docx' | 'doc';

/** Formats renda recognises but does not read (yet): skipped with a clear reason, not failed. */
export const UNSUPPORTED_EXTENSIONS = new Set([
  '.doc', '.wps', '.mht', '.mhtml', '.xls', '.xlsx', '.ppt', '.pptx', '.ofd', '.zip', '.rar', '.7z',
  '.gif', '.mp4', '.mp3',
  // Data and code that sit beside documents in research folders; read as text they would be noise.
  '.json', '.csv', '.tsv', '.xml', '.md', '.js', '.css', '.sqlite', '.db',
]);


export function sniff(probe: SourceProbe, size: number): SniffedType {
  if (size === 0) throw new FileError('empty_file', `the file is empty`);
  const head = probe.head;
  // The PDF spec lets a header sit anywhere in the first KiB; only trust that for .pdf files.
  if (startsWith(head, '%PDF-') || (probe.ext === '.pdf' && indexOf(head, '%PDF-') >= 0)) return 'pdf';
  if (probe.ext === '.pdf') throw new FileError('corrupt_pdf', `not a PDF (no %PDF- header)`);
  if (isImageMagic(head)) return 'image';
  if (IMAGE_EXT.has(probe.ext)) throw new FileError('corrupt_image', `not a ${probe.ext} image (unknown signature)`);
  // Sites name DOCX files .doc and legacy files .docx, so the bytes decide between the two.
  const word = probe.ext === '.docx' || probe.ext === '.doc';
  if (word && isOle2Magic(head)) return 'doc';
  if (word && isZipMagic(head)) return 'docx';
  if (probe.ext === '.docx') throw new FileError('corrupt_docx', `not a DOCX (no zip signature)`);
  if (UNSUPPORTED_EXTENSIONS.has(probe.ext)) {
    throw new FileError('unsupported_type', `${probe.ext} files are not supported`);
  }
  if (looksBinary(head)) throw new FileError('binary_file', `binary content, not text, HTML or PDF`);
  // Browsers prefix saved pages with "<!-- saved from url=… -->".
  if (HTML_EXTENSIONS.has(probe.ext) || /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html|<head|<meta)/i.test(latin1(head).replace(/^\ufeff|^ï»¿/, ''))) return 'html';
  return 'text';
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
  return head.length > 0 && control / head.length > 0.1;
}

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const startsWith = (b: Uint8Array, s: string) => latin1(b.subarray(0, s.length)) === s;
const indexOf = (b: Uint8Array, s: string) => latin1(b.subarray(0, 1024)).indexOf(s);
