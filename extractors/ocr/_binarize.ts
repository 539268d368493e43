import type { Grey } from './_grey.js';

/**
 * Otsu's threshold: the grey level that best splits the histogram into two classes (maximum
 * between-class variance). Pixels ≤ the threshold are ink.
 */
export function otsuThreshold(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]]++;
  const total = data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v];
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t];
    const d = sumB / wB - (sumAll - sumB) / wF;
    const between = wB * wF * d * d;
    if (between > bestVar) [bestVar, best] = [between, t];
  }
  return best;
}

export function otsu(grey: Grey): Grey {
  const t = otsuThreshold(grey.data);
  const out = new Uint8Array(grey.data.length);
  for (let i = 0; i < out.length; i++) out[i] = grey.data[i] <= t ? 0 : 255;
  return { ...grey, data: out };
}

export interface SauvolaOptions {
  /** Window side in pixels (made odd). @default dpi / 8, about two character heights at 五号 */
  window?: number;
  /** How far below the local mean ink must be, relative to the local contrast. @default 0.2 */
  k?: number;
}

/**
 * Sauvola's local threshold T = m · (1 + k · (s / 128 − 1)) over a square window: copes with
 * shadows, yellowed paper and a gradient from the scanner lid where one global threshold fails.
 * Window sums slide down the page (column sums) and along each row, so memory is O(width).
 */
export function sauvola(grey: Grey, dpi: number, options: SauvolaOptions = {}): Grey {
  const { width: w, height: h, data } = grey;
  const r = Math.max(3, Math.floor((options.window ?? Math.round(dpi / 8)) / 2));
  const k = options.k ?? 0.2;
  const colSum = new Float64Array(w);
  const colSq = new Float64Array(w);
  const out = new Uint8Array(w * h);
  const add = (y: number, sign: number): void => {
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const v = data[i];
      colSum[x] += sign * v;
      colSq[x] += sign * v * v;
    }
  };
  for (let y = 0; y < Math.min(h, r); y++) add(y, 1);
  for (let y = 0; y < h; y++) {
    if (y + r < h) add(y + r, 1);
    if (y - r - 1 >= 0) add(y - r - 1, -1);
    const rows = Math.min(h - 1, y + r) - Math.max(0, y - r) + 1;
    let s = 0;
    let sq = 0;
    for (let x = 0; x < Math.min(w, r); x++) {
      s += colSum[x];
      sq += colSq[x];
    }
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (x + r < w) {
        s += colSum[x + r];
        sq += colSq[x + r];
      }
      if (x - r - 1 >= 0) {
        s -= colSum[x - r - 1];
        sq -= colSq[x - r - 1];
      }
      const n = rows * (Math.min(w - 1, x + r) - Math.max(0, x - r) + 1);
      const mean = s / n;
      const sd = Math.sqrt(Math.max(0, sq / n - mean * mean));
      out[i] = data[i] <= mean * (1 + k * (sd / 128 - 1)) ? 0 : 255;
    }
  }
  return { ...grey, data: out };
}
