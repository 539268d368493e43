import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { extractorFor, sniff } from '../extractors/index.js';
import type { ExtractedText, OcrContext } from '../extractors/types.js';
import { checkLimit, DEFAULT_LIMITS, type Limits } from '../extractors/limits.js';
import { FileError } from './errors.js';

/** A source file read into memory, identified by its content. */
export interface ReadSource {
  path: string;
  sha256: string;
  id: string;
  extracted: ExtractedText;
  /** About the file as a whole (its name and content disagree); added to each of its documents. */
  warnings: Array<{ code: string; message: string }>;
}

export async function readAndExtract(path: string, ocr?: OcrContext, limits: Limits = DEFAULT_LIMITS): Promise<ReadSource> {
  let bytes: Uint8Array;
  try {
    // The size from the file system first: a file over the limit is never read into memory.
    const info = await stat(path);
    checkLimit(limits, 'fileBytes', info.size);
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    if (err instanceof FileError) throw err;
    throw new FileError('read_failed', `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
  const ext = extname(path).toLowerCase();
  const sniffed = await sniff(bytes, ext);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const extracted = await extractorFor(sniffed.type).extract(bytes, { path, ocr, limits });
  if (!extracted.pages.some((p) => p.text.trim())) {
    const hint = !ocr || ocr.mode === 'never' ? ' (a scan needs OCR: run without --ocr never)' : '';
    throw new FileError('no_text', `no text found${hint}`);
  }
  // Analysis is the expensive part for text; its size is known now, before any of it runs.
  checkLimit(limits, 'chars', extracted.pages.reduce((n, p) => n + p.text.length, 0));
  const warnings = sniffed.mismatch
    ? [{ code: 'format_mismatch', message: `the file is named ${ext} but its content is ${sniffed.format.toUpperCase()}; it was read as ${sniffed.format.toUpperCase()}` }]
    : [];
  return { path, sha256, id: sha256.slice(0, 16), extracted, warnings };
}
