import type { Quad } from './_det-boxes.js';

export interface ReadBox {
  text: string;
  /** Mean character probability. */
  mean: number;
  quad: Quad;
}

/** Lines read with less confidence than this are noise (specks, rules, seal fragments). */
const MIN_MEAN = 0.5;

/**
 * Recognised boxes → lines, as @gutenye/ocr-common returned them and as renda's paddle figures
 * were measured: boxes whose midlines lie within half the mean box height of a line's first box
 * join it, left to right, separated by a space; the line's box runs from its first box's left side
 * to its last box's right side, its confidence is the boxes' mean.
 */
export function joinBoxes(boxes: ReadBox[]): ReadBox[] {
  const kept = boxes.filter((b) => b.mean >= MIN_MEAN);
  if (!kept.length) return [];
  const mid = (q: Quad) => (q[0][1] + q[2][1]) / 2;
  const averageHeight = kept.reduce((s, b) => s + (b.quad[2][1] - b.quad[0][1]), 0) / kept.length;
  const groups: ReadBox[][] = [];
  for (const box of kept) {
    const m = mid(box.quad);
    const group = groups.find((g) => Math.abs(mid(g[0].quad) - m) < averageHeight / 2);
    if (group) group.push(box);
    else groups.push([box]);
  }
  for (const g of groups) g.sort((a, b) => a.quad[0][0] - b.quad[0][0]);
  groups.sort((a, b) => a[0].quad[0][1] - b[0].quad[0][1]);
  return groups.map((g) => {
    const first = g[0].quad;
    const last = g[g.length - 1].quad;
    return {
      text: g.map((b) => b.text).join(' '),
      mean: g.reduce((s, b) => s + b.mean, 0) / g.length,
      quad: [first[0], last[1], last[2], first[3]],
    };
  });
}
