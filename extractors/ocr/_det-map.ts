import type { InferenceSession } from 'onnxruntime-node';
import type { Grey } from './_grey.js';

/**
 * PP-OCRv4 detection (DBNet) over a page in tiles. onnxruntime's activations take 200–300 MB per
 * megapixel of input (630 MB for an A4 page at 200 dpi in one piece, and a page drawn large would
 * cost more without bound), so a page is cut into strips of at most TILE_PIXELS, each widened by
 * MARGIN on every side that has a neighbour so text at a seam is seen whole; only the strip's own
 * rows are kept. An A4 page at the engine's 100 dpi is one tile.
 * Text-probability above THRESHOLD marks a pixel as text, as @gutenye/ocr-common did (PaddleOCR's
 * own default is 0.3; 0.03 keeps faint and thin strokes inside their line's box).
 */
const TILE_PIXELS = 1_500_000;
const MARGIN = 64;
/** Tiles wider than this are split into columns too (pages drawn wide, not A4 at 200 dpi). */
const MAX_TILE_WIDTH = 2048;
const THRESHOLD = 0.03;
/** The network downsamples by 32: input sides must be multiples of it. */
const STRIDE = 32;

export interface DetectionModel {
  ort: typeof import('onnxruntime-node');
  detection: InferenceSession;
}

/** One byte per pixel of `grey`: 1 where the detector sees text. */
export async function textMask(model: DetectionModel, grey: Grey): Promise<Uint8Array> {
  const { width: w, height: h } = grey;
  const mask = new Uint8Array(w * h);
  const cols = Math.ceil(w / MAX_TILE_WIDTH);
  const tileW = Math.ceil(w / cols);
  const marginsX = cols > 1 ? 2 * MARGIN : 0;
  // Rows per strip so that a strip with its margins stays within TILE_PIXELS, then evened out so
  // the last strip is not a sliver that costs a whole run.
  // The width the model is given is padded up to the stride: a strip 1 px wide is run 32 wide.
  const runW = Math.ceil((tileW + marginsX) / STRIDE) * STRIDE;
  const maxRows = Math.max(STRIDE, Math.floor(TILE_PIXELS / runW) - 2 * MARGIN);
  const rows = Math.ceil(h / maxRows);
  const tileH = Math.ceil(h / rows);
  for (let y0 = 0; y0 < h; y0 += tileH) {
    for (let x0 = 0; x0 < w; x0 += tileW) {
      const inner = { x0, y0, x1: Math.min(w, x0 + tileW), y1: Math.min(h, y0 + tileH) };
      const outer = { x0: Math.max(0, x0 - MARGIN), y0: Math.max(0, y0 - MARGIN), x1: Math.min(w, inner.x1 + MARGIN), y1: Math.min(h, inner.y1 + MARGIN) };
      await detectTile(model, grey, outer, inner, mask);
    }
  }
  return mask;
}

type Rect = { x0: number; y0: number; x1: number; y1: number };

async function detectTile(model: DetectionModel, grey: Grey, outer: Rect, inner: Rect, mask: Uint8Array): Promise<void> {
  const tw = Math.ceil((outer.x1 - outer.x0) / STRIDE) * STRIDE;
  const th = Math.ceil((outer.y1 - outer.y0) / STRIDE) * STRIDE;
  // Three equal planes (the model takes colour; the page is grey), values 0–1 without mean and
  // deviation, as @gutenye/ocr-common fed it; the padding is paper.
  const plane = tw * th;
  const input = new Float32Array(3 * plane).fill(1);
  for (let y = outer.y0; y < outer.y1; y++) {
    const src = y * grey.width;
    const dst = (y - outer.y0) * tw - outer.x0;
    for (let x = outer.x0; x < outer.x1; x++) input[dst + x] = grey.data[src + x] / 255;
  }
  input.copyWithin(plane, 0, plane);
  input.copyWithin(2 * plane, 0, plane);
  const { ort, detection } = model;
  const outputs = await detection.run({ [detection.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, th, tw]) });
  const out = outputs[detection.outputNames[0]];
  try {
    const prob = out.data as Float32Array;
    for (let y = inner.y0; y < inner.y1; y++) {
      const src = (y - outer.y0) * tw - outer.x0;
      const dst = y * grey.width;
      for (let x = inner.x0; x < inner.x1; x++) mask[dst + x] = prob[src + x] > THRESHOLD ? 1 : 0;
    }
  } finally {
    out.dispose();
  }
}
