/**
 * What a response really is, from its bytes, checked against what the link and the Content-Type
 * header claim. The bytes decide the saved file's extension, so a file is never mislabelled on disk;
 * a claim the bytes contradict in the dangerous direction (an attachment that turns out to be a web
 * page — usually a "file not found" or login page served with status 200) fails the URL instead of
 * ingesting an error page as a document.
 */
import { extname } from 'node:path';
import { isDocxZip, isOle2Magic, isWordOle2, isZipMagic } from '../../../extractors/_docx-zip.js';
import { isImageMagic } from '../../../extractors/image.js';
import { looksBinary } from '../../../extractors/sniff.js';
import { HTML_EXTENSIONS } from '../../../extractors/html.js';
import { bomEncoding, decodeText } from '../../../extractors/_charset.js';
import { PermanentError } from './errors.js';

export type ContentKind = 'html' | 'pdf' | 'docx' | 'doc' | 'image' | 'text' | 'other';

/** Binary document kinds: a claim of one of these is not satisfied by markup or text. */
const BINARY_DOCUMENTS = new Set<ContentKind>(['pdf', 'docx', 'doc', 'image']);

const MARKUP = /<(?:!doctype\s+html|html|head|body|meta|title|script|div|table|p|h[1-6]|br)[\s>/]/i;

export function kindOfBytes(bytes: Uint8Array): ContentKind {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  const latin1 = head.toString('latin1');
  if (latin1.includes('%PDF-')) return 'pdf';
  if (isZipMagic(head)) return isDocxZip(bytes) ? 'docx' : 'other';
  if (isOle2Magic(head)) return isWordOle2(bytes) ? 'doc' : 'other';
  if (isImageMagic(head)) return 'image';
  if (looksBinary(head)) return 'other';
  return MARKUP.test(markupHead(bytes)) ? 'html' : 'text';
}

/**
 * The start of a page as text, for the markup test: 8 KiB, since JSP pages open with hundreds of
 * blank lines and CMS pages with long comments; UTF-16 (by its BOM) decoded as such, since its
 * tags are not visible to a byte-wise search.
 */
function markupHead(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192));
  return bomEncoding(head) ? decodeText(head).text : head.toString('latin1');
}

/** The kind a Content-Type names; null for generic types (octet-stream, download) that say nothing. */
export function kindOfContentType(contentType: string | undefined): ContentKind | null {
  const t = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'html';
  if (t === 'application/pdf' || t === 'application/x-pdf') return 'pdf';
  if (t === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  if (t === 'application/msword') return 'doc';
  if (t.startsWith('image/')) return 'image';
  if (t === 'text/plain') return 'text';
  return null;
}

/**
 * The file extensions of each kind, the first being the one a saved file of that kind is given
 * (images are named by their own signature); the others a saved file may keep from its URL.
 */
export const KEEP_EXTENSIONS: Record<ContentKind, readonly string[]> = {
  html: [...HTML_EXTENSIONS],
  pdf: ['.pdf'],
  docx: ['.docx'],
  doc: ['.doc'],
  image: ['.png', '.jpg', '.jpeg', '.tif', '.tiff'],
  text: ['.txt'],
  other: [],
};

const KIND_OF_EXTENSION = new Map(Object.entries(KEEP_EXTENSIONS).flatMap(([kind, exts]) => exts.map((e) => [e, kind as ContentKind])));

/** The kind a link's file name promises, if any. */
export function kindOfUrl(url: URL): ContentKind | null {
  return KIND_OF_EXTENSION.get(extname(url.pathname).toLowerCase()) ?? null;
}

/**
 * The kind of a fetched body, or a PermanentError: list pages must be HTML; a document claimed as a
 * PDF, Word file or image (by its link or its header) must not be markup or text; bytes renda cannot
 * read at all are refused. A header that undersells the bytes (a PDF served as text/html or
 * octet-stream) is common on government sites and is accepted: the bytes win.
 */
export function checkContent(bytes: Uint8Array, contentType: string | undefined, url: URL, role: 'list' | 'document'): ContentKind {
  const kind = kindOfBytes(bytes);
  if (role === 'list') {
    if (kind !== 'html') throw new PermanentError('type_mismatch', `a list page must be HTML, but the bytes are ${describe(kind)}`);
    return kind;
  }
  if (kind === 'other') throw new PermanentError('unsupported_content', `the bytes are ${describe(kind)} (Content-Type ${contentType ?? 'none'})`);
  for (const [claim, by] of [[kindOfUrl(url), 'the link'], [kindOfContentType(contentType), 'Content-Type']] as const) {
    if (claim && BINARY_DOCUMENTS.has(claim) && !BINARY_DOCUMENTS.has(kind)) {
      throw new PermanentError('type_mismatch', `${by} promised ${describe(claim)}, but the bytes are ${describe(kind)} (an error page?)`);
    }
  }
  return kind;
}

/** File extension for a kind; images by their own signature. */
export function extensionFor(kind: ContentKind, bytes: Uint8Array): string {
  if (kind === 'image') {
    if (bytes[0] === 0x89) return '.png';
    if (bytes[0] === 0xff) return '.jpg';
    return '.tif';
  }
  return KEEP_EXTENSIONS[kind][0] ?? '.bin';
}

function describe(kind: ContentKind): string {
  return { html: 'a web page', pdf: 'a PDF', docx: 'a DOCX', doc: 'a legacy .doc', image: 'an image', text: 'plain text', other: 'neither a web page nor a document renda reads' }[kind];
}
