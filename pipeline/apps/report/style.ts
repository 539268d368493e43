import { kindColour } from './_palette.js';

/**
 * The page's style sheet, inlined (and allowed by its hash in the page's Content-Security-Policy),
 * with one swatch rule per kind for the table. Kind keys come from the database, so only plain
 * identifiers become selectors; anything else keeps the grey default.
 */
export function pageStyle(kinds: string[]): string {
  const swatches = kinds
    .filter((k) => /^[a-z][a-z0-9_]*$/.test(k))
    .map((k) => `#items td.kind-${k}::before { background: ${kindColour(k)}; }`);
  return BASE + swatches.join('\n') + '\n';
}

const BASE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #656d76; --rule: #d0d7de; --band: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1280px; padding: 16px 24px 48px; color: var(--ink); font: 14px/1.5 system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 22px; margin: 8px 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
p.meta, p.note, .empty { color: var(--muted); margin: 4px 0; }
code { font-size: 13px; }
.summary { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; padding: 0; list-style: none; }
.summary li { background: var(--band); border: 1px solid var(--rule); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.summary b { display: block; font-size: 22px; }
svg.chart { display: block; width: 100%; max-width: 960px; height: auto; font-size: 12px; }
svg.chart text { fill: var(--ink); }
svg.chart text.total, svg.chart text.head { fill: var(--muted); }
svg.chart text.count { pointer-events: none; font-size: 11px; }
svg.chart text.count.dark { fill: #fff; }
svg.chart rect.seg:hover, svg.chart rect.law:hover, svg.chart rect.cell:hover { stroke: var(--ink); stroke-width: 1.5; }
details { margin: 8px 0; }
summary { cursor: pointer; color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--rule); }
table.laws th { white-space: nowrap; width: 1%; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; padding: 6px 0; }
.filters input[type=search] { flex: 1 1 240px; padding: 4px 8px; font: inherit; }
.filters select, .filters button { font: inherit; padding: 3px 6px; }
#count { color: var(--muted); margin-left: auto; }
#items-scroll { height: 70vh; min-height: 320px; overflow: auto; border: 1px solid var(--rule); }
#items-scroll:focus-visible { outline: 2px solid #4e79a7; }
#items { font-size: 13px; table-layout: fixed; min-width: 1100px; }
#items col.col-jurisdiction { width: 9em; }
#items col.col-level, #items col.col-year { width: 4.5em; }
#items col.col-doc-type { width: 9em; }
#items col.col-kind { width: 9.5em; }
#items col.col-months { width: 6.5em; }
#items col.col-committee { width: 8em; }
#items col.col-source { width: 15em; }
#items thead th { position: sticky; top: 0; background: var(--band); padding: 0; white-space: nowrap; z-index: 1; }
#items thead th button { all: unset; box-sizing: border-box; cursor: pointer; display: block; width: 100%; padding: 6px 8px; }
#items thead th button:focus-visible { outline: 2px solid #4e79a7; }
#items thead th[aria-sort=ascending] button::after { content: " ▲"; }
#items thead th[aria-sort=descending] button::after { content: " ▼"; }
#items tbody tr:hover { background: var(--band); }
/* Every row one height (two lines of text), so the windowed table can place rows by arithmetic. */
#items td { height: 46px; line-height: 18px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#items td.text div { white-space: normal; overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; }
#items td.source { font-size: 12px; }
#items td.kind::before { content: ""; display: inline-block; width: 9px; height: 9px; margin-right: 5px; border-radius: 2px; background: #8c8c8c; }
#items tr.spacer td { height: 0; padding: 0; border: 0; }
`;
