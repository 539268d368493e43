import type { OcrContext, OcrMode } from '../extractors/types.js';
import { OcrError, OcrPool, preprocessFor } from '../extractors/ocr/index.js';
import { FileError } from './errors.js';
import type { OcrEngineName, OcrPageResult, RasterImage } from '../extractors/ocr/types.js';

/**
 * The batch's OCR: one pool of engines shared by every file, created on the first page that needs
 * it (a run over text-layer PDFs never starts tesseract) and closed once at the end.
 */
/** The engine used when none is named, chosen from the measurements in the README. */
export const DEFAULT_OCR_ENGINE: OcrEngineName = 'paddle';

export interface OcrOptions {
  /** @default 'auto' */
  mode: OcrMode;
  /** @default 'tesseract' */
  engine: OcrEngineName;
  /** Engines in the pool. @default the number of CPU cores */
  workers: number;
}

export interface OcrService {
  context: OcrContext;
  /** Pages recognised so far. */
  pages(): number;
  close(): Promise<void>;
}

export function createOcrService(options: OcrOptions): OcrService {
  let pool: Promise<OcrPool> | undefined;
  let pages = 0;
  let closed = false;
  const preprocess = preprocessFor(options.engine);
  const recognize = async (image: RasterImage): Promise<OcrPageResult> => {
    if (closed) throw new Error('the OCR pool is closed');
    pool ??= OcrPool.create({ engine: options.engine, workers: options.workers });
    try {
      const result = await (await pool).recognize(preprocess(image));
      pages++;
      return result;
    } catch (err) {
      // The engine's failure is this file's failure, with the engine's stable code.
      if (err instanceof OcrError) throw new FileError(err.code, `OCR (${options.engine}): ${err.message}`, { cause: err });
      throw err;
    }
  };
  return {
    context: { mode: options.mode, recognize },
    pages: () => pages,
    async close() {
      closed = true;
      if (pool) await (await pool.catch(() => undefined))?.close();
    },
  };
}
