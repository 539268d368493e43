/**
 * The page's one script: builds the item table from the JSON data block and sorts and filters it.
 * It is a string rather than a compiled module because the page must stand alone (no bundler, no
 * second file) and a function's toString() would carry whatever helpers the TypeScript runner
 * injected. Document strings reach the DOM only through textContent, title and href properties,
 * never through innerHTML; hrefs are the relative, percent-encoded paths the server computed.
 *
 * Data shape (see html.ts clientData): { kinds: {key: label}, levels: {key: label},
 * docs: [{ j, jk, level, year, type, typeKey, title, path, href, pdf, copy }],
 * items: [{ d, k, m, c, ck, t, p, n }] }.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var collator = new Intl.Collator('zh-CN', { numeric: true });
  var kindKeys = Object.keys(data.kinds);
  var levelKeys = Object.keys(data.levels);
  var TRUNCATE = 80;

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function kindLabel(k) { return Object.prototype.hasOwnProperty.call(data.kinds, k) ? data.kinds[k] : k; }
  function levelLabel(l) { return l === null ? '' : Object.prototype.hasOwnProperty.call(data.levels, l) ? data.levels[l] : l; }
  function rank(list, v) { var i = list.indexOf(v); return i < 0 ? list.length : i; }

  var rows = data.items.map(function (it, index) {
    var d = data.docs[it.d];
    var chars = Array.from(it.t);
    var shortText = chars.length > TRUNCATE ? chars.slice(0, TRUNCATE).join('') + '…' : it.t;
    var months = it.m.join(', ');
    var source = d.path + (it.p !== null ? ' p. ' + it.p : '');
    var tr = el('tr');
    tr.dataset.kind = it.k;
    [d.j, levelLabel(d.level), d.year === null ? '' : String(d.year), d.type, kindLabel(it.k), months, it.c].forEach(function (v, i) {
      var td = el('td', v);
      if (i === 0 && d.jk) td.title = d.jk.split('|')[0];
      if (i === 3) td.title = d.title;
      if (i === 4) { td.className = 'kind kind-' + it.k; td.title = it.k; }
      if (i === 6 && it.ck) td.title = it.ck;
      tr.appendChild(td);
    });
    var text = el('td', shortText);
    text.className = 'text';
    text.title = it.t;
    tr.appendChild(text);
    var link = el('a', source);
    link.href = d.pdf && it.p !== null ? d.href + '#page=' + it.p : d.href;
    var cell = el('td');
    cell.className = 'source';
    cell.appendChild(link);
    tr.appendChild(cell);
    return {
      index: index, tr: tr, doc: d, item: it, copy: d.copy,
      hay: [d.j, d.jk, levelLabel(d.level), d.level, d.year, d.type, d.typeKey, d.title, kindLabel(it.k), it.k, months,
        it.c, it.ck, it.n, it.t, source].join('\\n').toLowerCase()
    };
  });

  // One sort per column, in table order; empty values sort last in both directions.
  function none() { return false; }
  var columns = [
    { empty: none, cmp: function (a, b) { return collator.compare(a.doc.j, b.doc.j); } },
    { empty: function (r) { return r.doc.level === null; }, cmp: function (a, b) { return rank(levelKeys, a.doc.level) - rank(levelKeys, b.doc.level); } },
    { empty: function (r) { return r.doc.year === null; }, cmp: function (a, b) { return a.doc.year - b.doc.year; } },
    { empty: none, cmp: function (a, b) { return collator.compare(a.doc.type, b.doc.type); } },
    { empty: none, cmp: function (a, b) { return rank(kindKeys, a.item.k) - rank(kindKeys, b.item.k); } },
    { empty: function (r) { return !r.item.m.length; }, cmp: function (a, b) { return a.item.m[0] - b.item.m[0] || a.item.m.length - b.item.m.length; } },
    { empty: function (r) { return !r.item.c; }, cmp: function (a, b) { return collator.compare(a.item.c, b.item.c); } },
    { empty: none, cmp: function (a, b) { return collator.compare(a.item.t, b.item.t); } },
    { empty: none, cmp: function (a, b) { return collator.compare(a.doc.path, b.doc.path) || (a.item.p || 0) - (b.item.p || 0); } }
  ];

  var tbody = document.querySelector('#items tbody');
  var count = document.getElementById('count');
  var q = document.getElementById('q');
  var selects = {
    kind: document.getElementById('f-kind'),
    jurisdiction: document.getElementById('f-jurisdiction'),
    level: document.getElementById('f-level'),
    year: document.getElementById('f-year')
  };
  var hideCopies = document.getElementById('f-copies');

  function fill(select, values) {
    values.forEach(function (v) {
      var option = el('option', v[1]);
      option.value = v[0];
      select.appendChild(option);
    });
  }
  function distinct(get) {
    var seen = new Map();
    rows.forEach(function (r) { var v = get(r); if (v && !seen.has(v[0])) seen.set(v[0], v); });
    return Array.from(seen.values());
  }
  fill(selects.kind, distinct(function (r) { return [r.item.k, kindLabel(r.item.k)]; })
    .sort(function (a, b) { return rank(kindKeys, a[0]) - rank(kindKeys, b[0]); }));
  fill(selects.jurisdiction, distinct(function (r) { return [r.doc.jk, r.doc.j]; })
    .sort(function (a, b) { return collator.compare(a[1], b[1]); }));
  fill(selects.level, distinct(function (r) { return r.doc.level === null ? null : [r.doc.level, levelLabel(r.doc.level)]; })
    .sort(function (a, b) { return rank(levelKeys, a[0]) - rank(levelKeys, b[0]); }));
  fill(selects.year, distinct(function (r) { return r.doc.year === null ? null : [String(r.doc.year), String(r.doc.year)]; })
    .sort(function (a, b) { return Number(a[0]) - Number(b[0]); }));

  var order = rows.slice();
  var sorted = { column: -1, dir: 0 };

  function matches(r) {
    var needle = q.value.trim().toLowerCase();
    if (needle && r.hay.indexOf(needle) < 0) return false;
    if (selects.kind.value && r.item.k !== selects.kind.value) return false;
    if (selects.jurisdiction.value && r.doc.jk !== selects.jurisdiction.value) return false;
    if (selects.level.value && r.doc.level !== selects.level.value) return false;
    if (selects.year.value && String(r.doc.year) !== selects.year.value) return false;
    if (hideCopies && hideCopies.checked && r.copy) return false;
    return true;
  }

  function render() {
    var fragment = document.createDocumentFragment();
    var shown = 0;
    order.forEach(function (r) {
      if (!matches(r)) return;
      fragment.appendChild(r.tr);
      shown++;
    });
    tbody.replaceChildren(fragment);
    count.textContent = shown + ' of ' + rows.length + ' items';
  }

  var headers = Array.from(document.querySelectorAll('#items thead th'));
  headers.forEach(function (th, column) {
    th.setAttribute('aria-sort', 'none');
    th.querySelector('button').addEventListener('click', function () {
      var dir = sorted.column === column && sorted.dir === 1 ? -1 : 1;
      sorted = { column: column, dir: dir };
      var c = columns[column];
      order = rows.slice().sort(function (a, b) {
        return c.empty(a) - c.empty(b) || dir * c.cmp(a, b) || a.index - b.index;
      });
      headers.forEach(function (h, i) { h.setAttribute('aria-sort', i === column ? (dir === 1 ? 'ascending' : 'descending') : 'none'); });
      render();
    });
  });

  q.addEventListener('input', render);
  Object.keys(selects).forEach(function (k) { selects[k].addEventListener('change', render); });
  if (hideCopies) hideCopies.addEventListener('change', render);
  document.getElementById('reset').addEventListener('click', function () {
    q.value = '';
    Object.keys(selects).forEach(function (k) { selects[k].value = ''; });
    if (hideCopies) hideCopies.checked = false;
    render();
  });
  render();
  document.documentElement.dataset.ready = 'true';
})();
`;
