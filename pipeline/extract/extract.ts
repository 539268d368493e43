import { extname } from 'node:path';
import { extractorFor, sniff } from '../../extractors/index.js';
import type { OcrContext } from '../../extractors/types.js';
import { checkLimit, DEFAULT_LIMITS, type Limits } from '../../extractors/limits.js';
import { FileError } from '../../schemas/errors.js';
import type { ExtractedSource, SourceFile } from '../../schemas/stages.js';
import { readSource } from './read-source.js';

/**
 * The extract stage: a file's bytes to text with pages, by the extractor its content calls for
 * (the name only breaks ties). Reads nothing from disk, so a worker on another host runs it on
 * bytes that came through the queue.
 */
export async function extractSource(file: SourceFile, ocr?: OcrContext, limits: Limits = DEFAULT_LIMITS): Promise<ExtractedSource> {
  const { path, bytes } = file;
  checkLimit(limits, 'fileBytes', bytes.length);
  const ext = extname(path).toLowerCase();
  const sniffed = await sniff(bytes, ext);
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
  return { path, sha256: file.sha256, id: file.id, extracted, warnings };
}

/** Read and extract in one step, for callers that take one file from this host's disk. */
export async function readAndExtract(path: string, ocr?: OcrContext, limits: Limits = DEFAULT_LIMITS): Promise<ExtractedSource> {
  return extractSource(await readSource(path, limits), ocr, limits);
}
