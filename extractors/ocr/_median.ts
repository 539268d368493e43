import type { Grey } from './_grey.js';

/**
 * 3×3 median: removes scanner speckle and salt-and-pepper noise while keeping stroke edges, which
 * at 300 dpi are several pixels wide. Each column triple is sorted once and shared by the three
 * windows that contain it; the median of nine is then med(max of lows, med of mids, min of highs).
 * The border rows and columns are copied unchanged.
 */
export function median3(grey: Grey): Grey {
  const { width: w, height: h, data } = grey;
  const out = new Uint8Array(data);
  const lo = new Uint8Array(w);
  const mid = new Uint8Array(w);
  const hi = new Uint8Array(w);
  for (let y = 1; y < h - 1; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      let a = data[row - w + x];
      let b = data[row + x];
      let c = data[row + w + x];
      if (a > b) [a, b] = [b, a];
      if (b > c) [b, c] = [c, b];
      if (a > b) [a, b] = [b, a];
      lo[x] = a;
      mid[x] = b;
      hi[x] = c;
    }
    for (let x = 1; x < w - 1; x++) {
      const maxLo = Math.max(lo[x - 1], lo[x], lo[x + 1]);
      const minHi = Math.min(hi[x - 1], hi[x], hi[x + 1]);
      const medMid = med3(mid[x - 1], mid[x], mid[x + 1]);
      out[row + x] = med3(maxLo, medMid, minHi);
    }
  }
  return { ...grey, data: out };
}

function med3(a: number, b: number, c: number): number {
  return a > b ? (b > c ? b : a > c ? c : a) : a > c ? a : b > c ? c : b;
}
