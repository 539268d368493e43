import type { OcrContext, OcrMode } from '../../extractors/types.js';
import { OcrError, OcrPool, preprocessFor } from '../../extractors/ocr/index.js';
import { FileError } from '../../schemas/errors.js';
import { countTraditional } from '../text/simplify.js';
import type { OcrEngineName, OcrPageResult, RasterImage } from '../../extractors/ocr/types.js';

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

/**
 * A page counts as printed in traditional characters when at least this share of the Han characters
 * its first reading returned are traditional-only. Both engines' simplified models know a few hundred
 * traditional characters (會, 學, 縣, 報 …) and drop or misread the rest (議, 聽, 舉, 監): on the real
 * corpus's traditional pages 28–32 % of what PP-OCRv4 returned was traditional-only, on simplified
 * pages 0 %. The floor of Han characters keeps a caption or a stamp from deciding.
 */
const TRADITIONAL_SHARE = 0.1;
const TRADITIONAL_MIN_HAN = 20;

export function looksTraditional(text: string): boolean {
  const { han, traditional } = countTraditional(text);
  return han >= TRADITIONAL_MIN_HAN && traditional >= han * TRADITIONAL_SHARE;
}

export function createOcrService(options: OcrOptions): OcrService {
  let pool: Promise<OcrPool> | undefined;
  // Pages in traditional characters are read again by tesseract's chi_tra model: PP-OCRv4 read the
  // real corpus's traditional pages at 6.7–9.2 % CER, chi_tra (best_int) at 0.4–1.6 %. One engine,
  // started on the first such page; a batch without one never loads it.
  let traditional: Promise<OcrPool> | undefined;
  let pages = 0;
  let closed = false;
  const preprocess = preprocessFor(options.engine);
  const preprocessTraditional = preprocessFor('tesseract');

  const reread = async (image: RasterImage, first: OcrPageResult): Promise<OcrPageResult> => {
    // Created in the same tick as the check, so close() either sees this pool or stops its creation.
    if (closed) return first;
    traditional ??= OcrPool.create({ engine: 'tesseract', workers: 1, tesseract: { lang: 'chi_tra', model: 'best_int' } });
    try {
      const again = await (await traditional).recognize(preprocessTraditional(image));
      // A page chi_tra finds nothing on (a photo, a blank) keeps its first reading.
      return again.text.trim() ? again : first;
    } catch {
      // Without the traditional model (a broken install), or closed while reading, the first
      // reading stands: the default engine's, most of the text still right.
      return first;
    }
  };

  const recognize = async (image: RasterImage): Promise<OcrPageResult> => {
    if (closed) throw new Error('the OCR pool is closed');
    pool ??= OcrPool.create({ engine: options.engine, workers: options.workers });
    try {
      let result = await (await pool).recognize(preprocess(image));
      if (looksTraditional(result.text)) result = await reread(image, result);
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
      await Promise.all(
        [pool, traditional].map(async (p) => {
          if (p) await (await p.catch(() => undefined))?.close();
        }),
      );
    },
  };
}
