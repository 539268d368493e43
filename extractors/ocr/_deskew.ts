import { otsuThreshold } from './_binarize.js';
import type { Grey } from './_grey.js';

export interface SkewOptions {
  /** Largest skew searched for, in degrees either way. @default 5 */
  maxAngle?: number;
}

/**
 * The angle, in degrees, by which the page's text lines are rotated clockwise (as drawn with y
 * down; canvas `rotate()` uses the same sense). Projection profiles: on a ~100-dpi binarised copy,
 * the ink is projected onto the vertical axis at candidate angles; at the true angle lines and the
 * gaps between them separate sharply, which maximises the sum of squared row counts. Coarse steps of
 * 0.25°, then 0.05° around the best, then a parabola through the peak. 0 for a page without
 * enough ink to tell, or when the best angle is the search limit (the page is not skewed in range).
 */
export function estimateSkew(grey: Grey, dpi: number, options: SkewOptions = {}): number {
  const maxAngle = options.maxAngle ?? 5;
  const points = inkPoints(grey, Math.max(1, Math.round(dpi / 100)));
  if (points.length < 200) return 0;
  const score = (deg: number): number => profileScore(points, deg);

  let best = 0;
  let bestScore = -Infinity;
  for (let a = -maxAngle; a <= maxAngle + 1e-9; a += 0.25) {
    const s = score(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  const fine: [number, number][] = [];
  for (let a = best - 0.3; a <= best + 0.3 + 1e-9; a += 0.05) fine.push([a, score(a)]);
  let i = 0;
  for (let j = 1; j < fine.length; j++) if (fine[j][1] > fine[i][1]) i = j;
  let angle = fine[i][0];
  if (i > 0 && i < fine.length - 1) {
    const [l, c, r] = [fine[i - 1][1], fine[i][1], fine[i + 1][1]];
    const d = l - 2 * c + r;
    if (d < 0) angle += (0.05 * 0.5 * (l - r)) / d;
  }
  if (Math.abs(angle) >= maxAngle - 0.05) return 0;
  return Math.round(angle * 100) / 100;
}

/** Dark pixels of a box-averaged copy, as (x, y) pairs centred on the page. */
function inkPoints(grey: Grey, f: number): Float32Array {
  const w = Math.floor(grey.width / f);
  const h = Math.floor(grey.height / f);
  const small = new Uint8Array(w * h);
  const area = f * f;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * grey.width + x * f;
        for (let dx = 0; dx < f; dx++) s += grey.data[row + dx];
      }
      small[y * w + x] = s / area;
    }
  }
  const t = otsuThreshold(small);
  let n = 0;
  for (let p = 0; p < small.length; p++) if (small[p] <= t) n++;
  // A page that is mostly dark is a photo or a negative, not text on paper.
  if (n > small.length / 2) return new Float32Array(0);
  const points = new Float32Array(n * 2);
  let k = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (small[y * w + x] > t) continue;
      points[k++] = x - w / 2;
      points[k++] = y - h / 2;
    }
  }
  return points;
}

/** Sum of squared counts of the ink projected at `deg` (rotated back), one bin per row. */
function profileScore(points: Float32Array, deg: number): number {
  const rad = (deg * Math.PI) / 180;
  const sin = Math.sin(rad);
  const cos = Math.cos(rad);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    const v = -points[i] * sin + points[i + 1] * cos;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const bins = new Float64Array(Math.ceil(max - min) + 2);
  for (let i = 0; i < points.length; i += 2) bins[Math.round(-points[i] * sin + points[i + 1] * cos - min)]++;
  let s = 0;
  for (const b of bins) s += b * b;
  return s;
}

/**
 * The page turned by `deg` degrees clockwise about its centre (negative turns it back), same size,
 * bilinear, with white where no source pixel falls.
 */
export function rotate(grey: Grey, deg: number): Grey {
  const { width: w, height: h, data } = grey;
  const out = new Uint8Array(w * h);
  const rad = (deg * Math.PI) / 180;
  // Inverse map: the output pixel p takes the source at R(-deg)·(p - c) + c.
  const cos = Math.cos(rad);
  const sin = -Math.sin(rad);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    let sx = -cx * cos - dy * sin + cx;
    let sy = -cx * sin + dy * cos + cy;
    for (let x = 0, p = y * w; x < w; x++, p++, sx += cos, sy += sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[p] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i] + (data[i + 1] - data[i]) * fx;
      const bottom = data[i + w] + (data[i + w + 1] - data[i + w]) * fx;
      out[p] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width: w, height: h, data: out };
}
