import { escapeHtml as e } from './_escape.js';
import { kindColour, px } from './_palette.js';
import type { ReportData } from './data.js';
import { KIND_LABELS, label } from './labels.js';

const WIDTH = 960;
const LABEL_W = 200;
const TOTAL_W = 56;
const ROW_H = 20;
const GAP = 6;
const LEGEND_H = 28;

/**
 * Kind mix per jurisdiction: one bar per jurisdiction, split by kind in proportion to its items,
 * with the item count at the end. Proportions, not lengths, because a county plan with 12 items and
 * a province with 224 are compared for what they spend their year on. Every segment carries its
 * numbers in data-* attributes and a <title> tooltip.
 */
export function kindMixChart(data: ReportData): string {
  const barW = WIDTH - LABEL_W - TOTAL_W;
  const used = data.kinds.filter((k) => data.kindMix.some((r) => r.counts[k]));
  const height = LEGEND_H + data.kindMix.length * (ROW_H + GAP);
  const out: string[] = [];
  out.push(`<svg class="chart" id="kind-mix" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="kind-mix-title">`);
  out.push('<title id="kind-mix-title">Kind mix per jurisdiction</title>');
  out.push(legend(used, WIDTH));
  data.kindMix.forEach((row, i) => {
    const y = LEGEND_H + i * (ROW_H + GAP);
    const j = row.jurisdiction;
    out.push(`<g class="row" data-jurisdiction="${e(j.name)}" data-jurisdiction-key="${e(j.key)}" data-total="${row.total}">`);
    out.push(`<text class="label" x="${LABEL_W - 8}" y="${y + ROW_H / 2}" text-anchor="end" dominant-baseline="central">${e(j.name)}<title>${e(`${j.name} ${j.code ?? ''} ${j.level ?? ''}`.trim())}</title></text>`);
    let x = LABEL_W;
    for (const kind of data.kinds) {
      const count = row.counts[kind] ?? 0;
      if (!count) continue;
      const w = (count / row.total) * barW;
      const share = Math.round((count / row.total) * 1000) / 10;
      out.push(
        `<rect class="seg" x="${px(x)}" y="${y}" width="${px(w)}" height="${ROW_H}" fill="${kindColour(kind)}" ` +
          `data-jurisdiction="${e(j.name)}" data-jurisdiction-key="${e(j.key)}" data-kind="${e(kind)}" data-count="${count}">` +
          `<title>${e(`${j.name} · ${label(KIND_LABELS, kind)} (${kind}): ${count} of ${row.total} items, ${share}%`)}</title></rect>`,
      );
      x += w;
    }
    out.push(`<text class="total" x="${LABEL_W + barW + 6}" y="${y + ROW_H / 2}" dominant-baseline="central">${row.total}</text>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}

/** Swatches for the kinds present, spread over the full width (ten labels of up to six characters fit). */
function legend(kinds: string[], width: number): string {
  const parts: string[] = ['<g class="legend">'];
  const step = width / Math.max(1, kinds.length);
  kinds.forEach((kind, i) => {
    const x = i * step;
    parts.push(
      `<rect x="${px(x)}" y="4" width="12" height="12" fill="${kindColour(kind)}"/>` +
        `<text x="${px(x + 16)}" y="10" dominant-baseline="central">${e(label(KIND_LABELS, kind))}<title>${e(kind)}</title></text>`,
    );
  });
  parts.push('</g>');
  return parts.join('');
}
