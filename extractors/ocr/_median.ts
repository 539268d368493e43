import type { Grey } from './_grey.js';

/**
 * 3×3 median: removes scanner speckle and salt-and-pepper noise while keeping stroke edges, which
 * at 300 dpi are several pixels wide. The border row and column are copied unchanged.
 */
export function median3(grey: Grey): Grey {
  const { width: w, height: h, data } = grey;
  const out = new Uint8Array(data);
  const v = new Int32Array(9);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1, p = y * w + 1; x < w - 1; x++, p++) {
      const a = p - w;
      const b = p + w;
      // Paper dominates a page: skip the sort when the whole neighbourhood is one value.
      const c = data[p];
      if (data[a - 1] === c && data[a] === c && data[a + 1] === c && data[p - 1] === c && data[p + 1] === c && data[b - 1] === c && data[b] === c && data[b + 1] === c) continue;
      v[0] = data[a - 1]; v[1] = data[a]; v[2] = data[a + 1];
      v[3] = data[p - 1]; v[4] = c; v[5] = data[p + 1];
      v[6] = data[b - 1]; v[7] = data[b]; v[8] = data[b + 1];
      out[p] = median9(v);
    }
  }
  return { ...grey, data: out };
}

/** The classic 19-exchange network for the median of nine (Paeth, Graphics Gems). */
function median9(p: Int32Array): number {
  const s = (i: number, j: number): void => {
    if (p[i] > p[j]) [p[i], p[j]] = [p[j], p[i]];
  };
  s(1, 2); s(4, 5); s(7, 8); s(0, 1); s(3, 4); s(6, 7); s(1, 2); s(4, 5); s(7, 8);
  s(0, 3); s(5, 8); s(4, 7); s(3, 6); s(1, 4); s(2, 5); s(4, 7); s(4, 2); s(6, 4); s(4, 2);
  return p[4];
}
