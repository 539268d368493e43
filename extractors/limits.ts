/**
 * What one file may cost, checked before the expensive work (Docling's max_num_pages and
 * max_file_size, Scrapy's DOWNLOAD_MAXSIZE are the model). A limit is an option with a documented
 * default, not a crash: a file over one fails alone with the limit's own code and a message that
 * names the option which raises it. The page-pixel limit is the exception: a page too large to
 * draw at the OCR resolution is drawn smaller instead, which still reads where its print is large.
 */
import { FileError, type FileErrorCode } from '../schemas/errors.js';

export interface Limits {
  /** Bytes of one input file, checked from the file system before it is read. */
  fileBytes: number;
  /** Pages of one PDF (or frames of one image), checked from its page tree before any page is read. */
  pages: number;
  /** Bytes of one decompressed part of a container (a DOCX's word/document.xml); inflating stops there. */
  partBytes: number;
  /** Characters of one source's extracted text, checked before analysis. */
  chars: number;
  /** Pixels of one page drawn or decoded for OCR; larger pages are scaled down to it. */
  pagePixels: number;
}

export interface LimitSpec {
  key: keyof Limits;
  option: string;
  /** Used in help: "file size", "pages". */
  what: string;
  /** Follows the amount in a message: "1,204 pages", "600 MiB in size". */
  noun: string;
  unit: 'bytes' | 'count';
  default: number;
  min: number;
  max: number;
  /** The error a file over the limit fails with; absent where the work is scaled down instead. */
  code?: FileErrorCode;
}

const MB = 1024 * 1024;

/**
 * Defaults: generous for real archives (a 2,000-page gazette, a 20-million-character yearbook), and
 * low enough that one file stays within about a minute and a gigabyte on a 2-core machine.
 */
export const LIMIT_SPECS: readonly LimitSpec[] = [
  { key: 'fileBytes', option: '--max-file-size', what: 'file size', noun: 'in size', unit: 'bytes', default: 512 * MB, min: 1, max: 64 * 1024 * MB, code: 'file_too_large' },
  { key: 'pages', option: '--max-pages', what: 'pages', noun: 'pages', unit: 'count', default: 2000, min: 1, max: 1_000_000, code: 'too_many_pages' },
  { key: 'partBytes', option: '--max-part-size', what: 'decompressed part size', noun: 'decompressed in one part', unit: 'bytes', default: 256 * MB, min: 1024, max: 4 * 1024 * MB, code: 'part_too_large' },
  { key: 'chars', option: '--max-chars', what: 'characters of text', noun: 'characters of text', unit: 'count', default: 5_000_000, min: 1, max: 500_000_000, code: 'text_too_long' },
  { key: 'pagePixels', option: '--max-page-pixels', what: 'pixels per page', noun: 'pixels', unit: 'count', default: 40_000_000, min: 1_000_000, max: 1_000_000_000 },
];

export const DEFAULT_LIMITS: Limits = Object.fromEntries(LIMIT_SPECS.map((s) => [s.key, s.default])) as unknown as Limits;

const SPEC = Object.fromEntries(LIMIT_SPECS.map((s) => [s.key, s])) as Record<keyof Limits, LimitSpec>;

/** The error for a file over a limit: names the limit, the file's value and the option that raises it. */
export function overLimit(key: keyof Limits, value: number, limit: number, detail = ''): FileError {
  const spec = SPEC[key];
  if (!spec.code) throw new Error(`limit ${key} scales work down and has no error`);
  return new FileError(
    spec.code,
    `${formatAmount(value, spec.unit)} ${spec.noun}${detail}, over the limit of ${formatAmount(limit, spec.unit)} (raise it with ${spec.option})`,
  );
}

/** Throws the limit's error when `value` is over it. */
export function checkLimit(limits: Limits | undefined, key: keyof Limits, value: number, detail?: string): void {
  const limit = (limits ?? DEFAULT_LIMITS)[key];
  if (value > limit) throw overLimit(key, value, limit, detail);
}

const UNITS: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9, kb: 1024, mb: MB, gb: 1024 * MB, kib: 1024, mib: MB, gib: 1024 * MB };

/**
 * An option value: "2000", "50M" (counts: k/M/G are thousands, millions, billions), "100MB" or
 * "100MiB" (bytes: binary units). Null when it is not a number with a known unit.
 */
export function parseAmount(raw: string, unit: LimitSpec['unit']): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw);
  if (!m) return null;
  let suffix = m[2].toLowerCase();
  if (unit === 'bytes' && (suffix === 'k' || suffix === 'm' || suffix === 'g')) suffix += 'b';
  if (unit === 'bytes' && suffix === 'b') suffix = '';
  const factor = UNITS[suffix];
  if (factor === undefined) return null;
  const value = Math.round(Number(m[1]) * factor);
  return Number.isFinite(value) ? value : null;
}

export function formatAmount(value: number, unit: LimitSpec['unit']): string {
  if (unit === 'bytes') {
    if (value >= 1024 * MB) return `${round1(value / (1024 * MB))} GiB`;
    if (value >= MB) return `${round1(value / MB)} MiB`;
    if (value >= 1024) return `${round1(value / 1024)} KiB`;
    return `${value} bytes`;
  }
  // Not toLocaleString: loading ICU's number formats costs the CLI's start-up more than this.
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}

const round1 = (x: number) => Math.round(x * 10) / 10;
