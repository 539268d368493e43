/**
 * DBNet's post-processing: text regions of the detection mask → one rotated rectangle each, grown
 * by the amount the network was trained to shrink text by ("unclip"). Follows @gutenye/ocr-common's
 * port of PaddleOCR (minimum-area rectangle of each region, unclip ratio 1.5, regions under 3 px
 * thick dropped), on runs of mask pixels instead of OpenCV contours: the mask stays one byte per
 * pixel in JS, where OpenCV.js copied the page into its WebAssembly heap for every box.
 */

export type Point = [number, number];
/** Corners in reading order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

const MIN_SIDE = 3;
const UNCLIP_RATIO = 1.5;

/** Regions of `mask` (w × h, 1 = text, 8-connected) as quads in mask pixels, in scan order. */
export function textQuads(mask: Uint8Array, w: number, h: number): Quad[] {
  const quads: Quad[] = [];
  for (const points of regionOutlines(mask, w, h)) {
    const rect = minAreaRect(convexHull(points));
    if (!rect || Math.min(rect.w, rect.h) < MIN_SIDE) continue;
    // The distance PaddleOCR's unclip offsets the box by: area × ratio / perimeter. Offsetting a
    // rectangle and taking the smallest rectangle round the result grows each side by it.
    const d = (rect.w * rect.h * UNCLIP_RATIO) / (2 * (rect.w + rect.h));
    const grown = { ...rect, w: rect.w + 2 * d, h: rect.h + 2 * d };
    if (Math.min(grown.w, grown.h) < MIN_SIDE + 2) continue;
    quads.push(corners(grown));
  }
  return quads;
}

/**
 * Each 8-connected region's extreme pixel centres, two per row (its leftmost and rightmost): enough
 * for its convex hull. Runs of text pixels are labelled row by row with union-find.
 */
function regionOutlines(mask: Uint8Array, w: number, h: number): number[][] {
  const runY: number[] = [];
  const runX0: number[] = [];
  const runX1: number[] = [];
  const parent: number[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  let prevStart = 0;
  let prevEnd = 0;
  for (let y = 0; y < h; y++) {
    const rowStart = runY.length;
    const row = y * w;
    // Runs of both rows are in x order, so runs above that end left of this one are done with.
    let above = prevStart;
    let x = 0;
    while (x < w) {
      if (!mask[row + x]) {
        x++;
        continue;
      }
      const x0 = x;
      while (x < w && mask[row + x]) x++;
      const id = runY.length;
      runY.push(y);
      runX0.push(x0);
      runX1.push(x - 1);
      parent.push(id);
      // Runs of the row above that touch this one, diagonals included.
      while (above < prevEnd && runX1[above] < x0 - 1) above++;
      for (let p = above; p < prevEnd; p++) {
        if (runX0[p] > x) break;
        const a = find(p);
        const b = find(id);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    prevStart = rowStart;
    prevEnd = runY.length;
  }
  const regions = new Map<number, number[]>();
  for (let i = 0; i < runY.length; i++) {
    const root = find(i);
    let pts = regions.get(root);
    if (!pts) regions.set(root, (pts = []));
    pts.push(runX0[i], runY[i], runX1[i], runY[i]);
  }
  return [...regions.values()];
}

/** Andrew's monotone chain over flat [x, y, x, y, …]; counter-clockwise (y down), no repeats. */
export function convexHull(flat: number[]): Point[] {
  const pts: Point[] = [];
  for (let i = 0; i < flat.length; i += 2) pts.push([flat[i], flat[i + 1]]);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

interface RotatedRect {
  cx: number;
  cy: number;
  /** Side along (ux, uy), and across it. */
  w: number;
  h: number;
  ux: number;
  uy: number;
}

/**
 * The smallest rectangle round a convex polygon: one of its sides lies on a hull edge, so each edge
 * direction is tried (rotating calipers without the bookkeeping; hulls of text lines are small).
 */
export function minAreaRect(hull: Point[]): RotatedRect | undefined {
  if (hull.length < 3) return undefined;
  let best: RotatedRect | undefined;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const [ax, ay] = hull[i];
    const [bx, by] = hull[(i + 1) % hull.length];
    const len = Math.hypot(bx - ax, by - ay);
    if (len === 0) continue;
    const ux = (bx - ax) / len;
    const uy = (by - ay) / len;
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const [px, py] of hull) {
      const u = px * ux + py * uy;
      const v = -px * uy + py * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = { cx: cu * ux - cv * uy, cy: cu * uy + cv * ux, w: maxU - minU, h: maxV - minV, ux, uy };
    }
  }
  return best;
}

/**
 * The rectangle's corners as @gutenye/ocr-common ordered them: the two leftmost are the left side
 * (upper one first), the two rightmost the right side.
 */
function corners(r: RotatedRect): Quad {
  const { cx, cy, ux, uy } = r;
  const [hw, hh] = [r.w / 2, r.h / 2];
  const pts: Point[] = [
    [cx - hw * ux + hh * uy, cy - hw * uy - hh * ux],
    [cx + hw * ux + hh * uy, cy + hw * uy - hh * ux],
    [cx + hw * ux - hh * uy, cy + hw * uy + hh * ux],
    [cx - hw * ux - hh * uy, cy - hw * uy + hh * ux],
  ];
  pts.sort((a, b) => a[0] - b[0]);
  const [l0, l1] = pts[1][1] > pts[0][1] ? [pts[0], pts[1]] : [pts[1], pts[0]];
  const [r0, r1] = pts[3][1] > pts[2][1] ? [pts[2], pts[3]] : [pts[3], pts[2]];
  return [l0, r0, r1, l1];
}
