import { escapeHtml as e } from './_escape.js';
import { kindColour, px } from './_palette.js';
import type { ReportData } from './data.js';

const WIDTH = 960;
const LABEL_W = 200;
const ROW_H = 20;
const GAP = 6;
const MAX_UNIT = 48;

/**
 * Law checks (执法检查) per jurisdiction, from v_law_checks: one bar per jurisdiction, one block per
 * law inspected, so each block's tooltip names its law. A jurisdiction with no law check has no
 * row; the empty state says so rather than drawing nothing.
 */
export function lawCheckChart(data: ReportData): string {
  if (!data.lawChecks.length) return '<p class="empty" id="law-checks">No law checks (执法检查) with named laws in this database.</p>';
  const most = Math.max(...data.lawChecks.map((r) => r.laws.length));
  const unit = Math.min(MAX_UNIT, (WIDTH - LABEL_W - 60) / most);
  const height = data.lawChecks.length * (ROW_H + GAP);
  const out: string[] = [];
  out.push(`<svg class="chart" id="law-checks" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="law-checks-title">`);
  out.push('<title id="law-checks-title">Laws inspected per jurisdiction</title>');
  data.lawChecks.forEach((row, i) => {
    const y = i * (ROW_H + GAP);
    const j = row.jurisdiction;
    const items = row.laws.reduce((n, l) => n + l.items, 0);
    out.push(`<g class="row" data-jurisdiction="${e(j.name)}" data-jurisdiction-key="${e(j.key)}" data-count="${row.laws.length}" data-items="${items}">`);
    out.push(`<text class="label" x="${LABEL_W - 8}" y="${y + ROW_H / 2}" text-anchor="end" dominant-baseline="central">${e(j.name)}</text>`);
    row.laws.forEach((law, k) => {
      const years = law.years.length ? ` ${law.years.join(', ')}` : '';
      out.push(
        `<rect class="law" x="${px(LABEL_W + k * unit)}" y="${y}" width="${px(Math.max(1, unit - 2))}" height="${ROW_H}" fill="${kindColour('law_check')}" ` +
          `data-law="${e(law.law)}" data-items="${law.items}"><title>${e(`${j.name}:${law.law}${years} (${law.items} item${law.items === 1 ? '' : 's'})`)}</title></rect>`,
      );
    });
    out.push(`<text class="total" x="${px(LABEL_W + row.laws.length * unit + 6)}" y="${y + ROW_H / 2}" dominant-baseline="central">${row.laws.length}</text>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}

/** The same data as a list, so the laws can be read and copied without hovering. */
export function lawCheckList(data: ReportData): string {
  if (!data.lawChecks.length) return '';
  const rows = data.lawChecks.map((r) => {
    const laws = r.laws.map((l) => `${l.law}${l.years.length ? `(${l.years.join('、')})` : ''}`).join('；');
    return `<tr><th scope="row">${e(r.jurisdiction.name)}</th><td>${e(laws)}</td></tr>`;
  });
  return `<details><summary>Laws inspected, as a list</summary><table class="laws"><tbody>\n${rows.join('\n')}\n</tbody></table></details>`;
}
