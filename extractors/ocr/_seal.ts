import { channelsOf, isStrongRed, type Region } from './_grey.js';
import type { RasterImage } from './types.js';

/**
 * Where the red seals (公章) are. Red ink alone is not enough: a 公文's red header (红头) and the
 * rule under it are red too and are text we want. Seals are told apart by shape: red ink clumped
 * into a roughly round blob 15–70 mm across. Works on a grid of ~1 mm cells, so it is cheap. A grey
 * image has no red to find.
 */
export function findSeals(image: RasterImage, dpi: number): { region: Region; inkRed: number }[] {
  const { width, height, data } = image;
  const n = channelsOf(image);
  if (n === 1) return [];
  const cell = Math.max(2, Math.round(dpi / 25.4));
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(height / cell);
  const count = new Uint32Array(gw * gh);
  const redSum = new Float64Array(gw * gh);
  for (let y = 0; y < height; y++) {
    const row = ((y / cell) | 0) * gw;
    for (let x = 0, i = y * width * n; x < width; x++, i += n) {
      if (isStrongRed(data[i], data[i + 1], data[i + 2])) {
        const c = row + ((x / cell) | 0);
        count[c]++;
        redSum[c] += data[i];
      }
    }
  }
  // A cell counts when a few of its pixels are red; closing 2-cell gaps joins a seal's ring, star
  // and lettering into one blob without joining separate lines of red header text.
  const minPixels = Math.max(2, (cell * cell) / 50);
  const red = new Uint8Array(gw * gh);
  for (let c = 0; c < red.length; c++) red[c] = count[c] >= minPixels ? 1 : 0;
  const grown = dilate(red, gw, gh, 2);

  const mm = (v: number): number => (v * cell * 25.4) / dpi;
  const seals: { region: Region; inkRed: number }[] = [];
  const seen = new Uint8Array(gw * gh);
  const stack: number[] = [];
  for (let start = 0; start < grown.length; start++) {
    if (!grown[start] || seen[start]) continue;
    let [x0, y0, x1, y1] = [gw, gh, 0, 0];
    let pixels = 0;
    let sum = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const c = stack.pop()!;
      const cx = c % gw;
      const cy = (c - cx) / gw;
      x0 = Math.min(x0, cx);
      y0 = Math.min(y0, cy);
      x1 = Math.max(x1, cx + 1);
      y1 = Math.max(y1, cy + 1);
      pixels += count[c];
      sum += redSum[c];
      for (const n of [c - 1, c + 1, c - gw, c + gw]) {
        if (n < 0 || n >= grown.length || seen[n] || !grown[n]) continue;
        if ((n === c - 1 && cx === 0) || (n === c + 1 && cx === gw - 1)) continue;
        seen[n] = 1;
        stack.push(n);
      }
    }
    const w = mm(x1 - x0);
    const h = mm(y1 - y0);
    const aspect = w / h;
    if (w < 15 || h < 15 || w > 70 || h > 70 || aspect < 0.5 || aspect > 2) continue;
    seals.push({
      region: [x0 * cell, y0 * cell, Math.min(width, x1 * cell), Math.min(height, y1 * cell)],
      inkRed: pixels ? sum / pixels : 255,
    });
  }
  return seals;
}

function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      for (let dx = Math.max(0, x - r); dx <= Math.min(w - 1, x + r); dx++) rows[y * w + dx] = 1;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!rows[y * w + x]) continue;
      for (let dy = Math.max(0, y - r); dy <= Math.min(h - 1, y + r); dy++) out[dy * w + x] = 1;
    }
  }
  return out;
}
