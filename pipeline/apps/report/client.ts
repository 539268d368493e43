import { CLIENT_DATA } from './client-data.js';
import { CLIENT_SEARCH } from './client-search.js';
import { CLIENT_SORT } from './client-sort.js';
import { CLIENT_WINDOW } from './client-window.js';

/**
 * Client script, last part: the filters and the header buttons, wired to the parts before it.
 * A change of filter computes which items pass as a byte per item (documents' conditions once per
 * document), then walks the current sort order once to list them; the windowed table draws the
 * few in view.
 */
const CLIENT_FILTERS = String.raw`
  const q = document.getElementById('q');
  const selects = {
    kind: document.getElementById('f-kind'),
    jurisdiction: document.getElementById('f-jurisdiction'),
    level: document.getElementById('f-level'),
    year: document.getElementById('f-year')
  };
  const hideCopies = document.getElementById('f-copies');
  const count = document.getElementById('count');
  const docPass = new Uint8Array(docCount);
  const pass = new Uint8Array(itemCount);
  const list = new Int32Array(itemCount);
  let order = null;
  let sorted = { column: -1, dir: 0 };

  function filter() {
    const needle = q.value.trim().toLowerCase();
    const place = selects.jurisdiction.value;
    const level = selects.level.value;
    const year = selects.year.value;
    const hide = !!(hideCopies && hideCopies.checked);
    for (let d = 0; d < docCount; d++) {
      docPass[d] = (!place || placeKey(d) === place) && (!level || levelKey(d) === level) &&
        (!year || String(docs.year[d]) === year) && !(hide && docs.copy[d]) ? 1 : 0;
    }
    let kind = -1;
    if (selects.kind.value) {
      kind = -2;
      for (let k = 0; k < data.kinds.length; k++) if (data.kinds[k][0] === selects.kind.value) kind = k;
    }
    if (needle) findText(needle);
    for (let i = 0; i < itemCount; i++) {
      const d = docOf[i];
      pass[i] = docPass[d] && (kind === -1 || items.k[i] === kind) && (!needle || docHit[d] || itemHit[i]) ? 1 : 0;
    }
    render();
  }

  /** The passing items in the current order, to the windowed table. */
  function render() {
    let n = 0;
    if (order) {
      for (let j = 0; j < itemCount; j++) if (pass[order[j]]) list[n++] = order[j];
    } else {
      for (let i = 0; i < itemCount; i++) if (pass[i]) list[n++] = i;
    }
    count.textContent = n + ' of ' + itemCount + ' items';
    show(list.subarray(0, n));
  }

  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach(function (th, column) {
    th.setAttribute('aria-sort', 'none');
    th.querySelector('button').addEventListener('click', function () {
      const dir = sorted.column === column && sorted.dir === 1 ? -1 : 1;
      sorted = { column: column, dir: dir };
      order = sortedOrder(column, dir);
      headers.forEach(function (h, i) { h.setAttribute('aria-sort', i === column ? (dir === 1 ? 'ascending' : 'descending') : 'none'); });
      render();
    });
  });

  q.addEventListener('input', filter);
  Object.keys(selects).forEach(function (k) { selects[k].addEventListener('change', filter); });
  if (hideCopies) hideCopies.addEventListener('change', filter);
  document.getElementById('reset').addEventListener('click', function () {
    q.value = '';
    Object.keys(selects).forEach(function (k) { selects[k].value = ''; });
    if (hideCopies) hideCopies.checked = false;
    filter();
  });
  filter();
  measure();
  document.documentElement.dataset.ready = 'true';
`;

/**
 * The page's one script, allowed by its hash. It is a string rather than a compiled module
 * because the page must stand alone (no bundler, no second file) and a function's toString()
 * would carry whatever helpers the TypeScript runner injected. Its parts share one function scope,
 * in this order: data (client-data.ts), text search (client-search.ts), sort keys
 * (client-sort.ts), the windowed table (client-window.ts), then the filters above.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
${CLIENT_DATA}${CLIENT_SEARCH}${CLIENT_SORT}${CLIENT_WINDOW}${CLIENT_FILTERS}})();
`;
