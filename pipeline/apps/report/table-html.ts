import { compareZh } from './_collate.js';
import { escapeHtml as e } from './_escape.js';
import type { ClientData } from './table-data.js';

/** Table columns, in order; the client script's sort keys (client-sort.ts) follow the same order. */
const COLUMNS = ['jurisdiction', 'level', 'year', 'doc type', 'kind', 'months', 'committee', 'text', 'source'];

/**
 * The item table's markup: the filters, with their options written here (each select offers the
 * values its items have, as the page's script used to collect at load), and an empty windowed
 * table in its own scroll box that the script fills (client-window.ts).
 */
export function itemsSection(t: ClientData, copies: number): string {
  const itemCount = t.items.t.length;
  const withItems = t.docs.place.map((_, d) => d).filter((d) => t.items.perDoc[d] > 0);
  const kinds = [...new Set(t.items.k)].sort((a, b) => a - b).map((k) => t.kinds[k]);
  const places = [...new Map(withItems.map((d) => [t.docs.place[d], t.places[t.docs.place[d]]])).values()]
    .sort((a, b) => compareZh(a[1], b[1]));
  const levels = [...new Set(withItems.map((d) => t.docs.level[d]).filter((l) => l >= 0))]
    .sort((a, b) => Math.min(a, t.knownLevels) - Math.min(b, t.knownLevels))
    .map((l) => t.levels[l]);
  const years = [...new Set(withItems.map((d) => t.docs.year[d]).filter((y): y is number => y !== null))]
    .sort((a, b) => a - b)
    .map((y): [string, string] => [String(y), String(y)]);
  const options = (values: Array<[string, string]>) => values.map(([value, text]) => `<option value="${e(value)}">${e(text)}</option>`).join('');

  return `<div class="filters">
<input type="search" id="q" placeholder="Filter: any text, e.g. 食品安全" aria-label="Filter items by text">
<select id="f-kind" aria-label="Kind"><option value="">all kinds</option>${options(kinds)}</select>
<select id="f-jurisdiction" aria-label="Jurisdiction"><option value="">all jurisdictions</option>${options(places)}</select>
<select id="f-level" aria-label="Level"><option value="">all levels</option>${options(levels)}</select>
<select id="f-year" aria-label="Year"><option value="">all years</option>${options(years)}</select>
${copies ? '<label><input type="checkbox" id="f-copies"> hide twin copies</label>' : ''}
<button type="button" id="reset">reset</button>
<span id="count" role="status">${itemCount} items</span>
</div>
<div id="items-scroll" tabindex="0" role="region" aria-label="Items, scrollable">
<table id="items" aria-rowcount="${itemCount + 1}">
<colgroup>${COLUMNS.map((c) => `<col class="col-${c.replace(' ', '-')}">`).join('')}</colgroup>
<thead><tr aria-rowindex="1">${COLUMNS.map((c) => `<th scope="col"><button type="button">${c}</button></th>`).join('')}</tr></thead>
<tbody></tbody>
</table>
</div>`;
}
