import { escapeHtml as e } from './_escape.js';
import { px } from './_palette.js';
import type { ReportData } from './data.js';
import { KIND_LABELS, label } from './labels.js';

const LABEL_W = 120;
const CELL_W = 58;
const CELL_H = 26;
const HEAD_H = 24;
const TOTAL_W = 56;

/**
 * Month × kind heat map from v_month_kind: when in the year each kind of act is scheduled. Every
 * kind of the vocabulary has a row and every month a column, zeros included, so the grid's shape
 * never depends on the data; the shade is relative to the busiest cell.
 */
export function monthKindHeatmap(data: ReportData): string {
  const counts = new Map(data.monthKind.map((c) => [`${c.kind}|${c.month}`, c.count]));
  const max = Math.max(1, ...data.monthKind.map((c) => c.count));
  const width = LABEL_W + 12 * CELL_W + TOTAL_W;
  const height = HEAD_H + data.kinds.length * CELL_H;
  const out: string[] = [];
  out.push(`<svg class="chart" id="month-kind" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="month-kind-title">`);
  out.push('<title id="month-kind-title">Items scheduled per month and kind</title>');
  for (let m = 1; m <= 12; m++) {
    out.push(`<text class="head" x="${LABEL_W + (m - 0.5) * CELL_W}" y="${HEAD_H / 2}" text-anchor="middle" dominant-baseline="central">${m}月</text>`);
  }
  out.push(`<text class="head" x="${LABEL_W + 12 * CELL_W + 8}" y="${HEAD_H / 2}" dominant-baseline="central">total</text>`);
  data.kinds.forEach((kind, r) => {
    const y = HEAD_H + r * CELL_H;
    const kindLabel = label(KIND_LABELS, kind);
    let total = 0;
    out.push(`<g class="row" data-kind="${e(kind)}">`);
    out.push(`<text class="label" x="${LABEL_W - 8}" y="${y + CELL_H / 2}" text-anchor="end" dominant-baseline="central">${e(kindLabel)}<title>${e(kind)}</title></text>`);
    for (let m = 1; m <= 12; m++) {
      const count = counts.get(`${kind}|${m}`) ?? 0;
      total += count;
      const x = LABEL_W + (m - 1) * CELL_W;
      const shade = count ? 0.12 + 0.88 * (count / max) : 0;
      out.push(
        `<rect class="cell" x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" ` +
          (count ? `fill="#4e79a7" fill-opacity="${px(shade)}"` : 'fill="#f2f2f2"') +
          ` data-kind="${e(kind)}" data-month="${m}" data-count="${count}"><title>${e(`${kindLabel} (${kind}), ${m}月: ${count} items`)}</title></rect>`,
      );
      if (count) {
        out.push(`<text class="count${shade > 0.55 ? ' dark' : ''}" x="${x + CELL_W / 2}" y="${y + CELL_H / 2}" text-anchor="middle" dominant-baseline="central">${count}</text>`);
      }
    }
    out.push(`<text class="total" x="${LABEL_W + 12 * CELL_W + 8}" y="${y + CELL_H / 2}" dominant-baseline="central">${total}</text>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}
