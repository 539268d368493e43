import type { Quad } from './_det-boxes.js';
import type { Grey } from './_grey.js';

/**
 * One text line cut out of the page along its box, straightened: the box's top edge becomes the
 * crop's first row. Only the line's own pixels are read and written, so recognising a page never
 * copies the page. Sizes and the turn of tall boxes follow PaddleOCR's get_rotate_crop_image:
 * width and height are the longer of each pair of opposite sides, and a box at least 1.5 times as
 * tall as wide (a vertical line of text) is turned a quarter counter-clockwise to read left to
 * right. Bilinear sampling; coordinates outside the page take the nearest edge pixel.
 */
const MAX_LINE_HEIGHT = 4 * 48;

export function cropLine(page: Grey, quad: Quad): Grey | undefined {
  const [p0, p1, p2, p3] = quad;
  const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const boxW = Math.trunc(Math.max(dist(p0, p1), dist(p2, p3)));
  const boxH = Math.trunc(Math.max(dist(p0, p3), dist(p1, p2)));
  if (boxW < 1 || boxH < 1) return undefined;
  const tall = boxH / boxW >= 1.5;
  // The recogniser reads lines 48 px high; a box drawn larger (a poster's title, a photo taken for
  // text) is cut at most MAX_LINE_HEIGHT high, whatever the page's size.
  const scale = Math.min(1, MAX_LINE_HEIGHT / (tall ? boxW : boxH));
  const w = Math.max(1, Math.round(boxW * scale));
  const h = Math.max(1, Math.round(boxH * scale));
  const out = new Uint8Array(w * h);
  const { width: pw, height: ph, data } = page;
  // The crop's pixel (x, y) sits at (u, v) = (x / w, y / h) of the quad, blended from its corners.
  const ex = p2[0] - p1[0] - p3[0] + p0[0];
  const ey = p2[1] - p1[1] - p3[1] + p0[1];
  for (let y = 0; y < h; y++) {
    const v = y / h;
    for (let x = 0; x < w; x++) {
      const u = x / w;
      const sx = p0[0] + u * (p1[0] - p0[0]) + v * (p3[0] - p0[0]) + u * v * ex;
      const sy = p0[1] + u * (p1[1] - p0[1]) + v * (p3[1] - p0[1]) + u * v * ey;
      out[y * w + x] = sample(data, pw, ph, sx, sy);
    }
  }
  const line = { width: w, height: h, data: out };
  return tall ? turnLeft(line) : line;
}

function sample(data: Uint8Array, w: number, h: number, x: number, y: number): number {
  const cx = Math.min(w - 1, Math.max(0, x));
  const cy = Math.min(h - 1, Math.max(0, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(w - 1, x0 + 1);
  const y1 = Math.min(h - 1, y0 + 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const top = data[y0 * w + x0] + (data[y0 * w + x1] - data[y0 * w + x0]) * fx;
  const bottom = data[y1 * w + x0] + (data[y1 * w + x1] - data[y1 * w + x0]) * fx;
  return Math.round(top + (bottom - top) * fy);
}

/** A quarter turn counter-clockwise: the right edge becomes the top. */
function turnLeft(g: Grey): Grey {
  const { width: w, height: h, data } = g;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[(w - 1 - x) * h + y] = data[y * w + x];
  return { width: h, height: w, data: out };
}
