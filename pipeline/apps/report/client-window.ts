/**
 * Client script, part 4: the windowed table. Only the rows in view (and a few either side) are in
 * the DOM; two spacer rows stand in for the rest, so the scroll bar spans every row that passes the
 * filters. Rows are all one height (the style clamps the text to two lines and every other cell to
 * one), measured from the first rows drawn, so a scroll position names a row without measuring.
 * At 100,000 rows the page before this one built 900,000 cells and laid them out on every filter;
 * here about 40 rows are built per frame that scrolls.
 *
 * Screen readers get the table's true size from aria-rowcount and each row's place from
 * aria-rowindex. Document strings reach the DOM only as textContent, title and href.
 */
export const CLIENT_WINDOW = String.raw`
  const table = document.getElementById('items');
  const scroller = document.getElementById('items-scroll');
  const tbody = table.tBodies[0];
  const OVERSCAN = 8;
  let rowHeight = 46;
  let shown = new Int32Array(0);
  let drawn = { from: -1, to: -1 };

  function el(tag, text) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function spacer() {
    const tr = el('tr');
    tr.className = 'spacer';
    tr.setAttribute('aria-hidden', 'true');
    const td = el('td');
    td.colSpan = 9;
    tr.appendChild(td);
    return tr;
  }
  const above = spacer();
  const below = spacer();

  function row(i, position) {
    const d = docOf[i];
    const tr = el('tr');
    tr.dataset.kind = kindKey(i);
    tr.setAttribute('aria-rowindex', String(position + 2));
    [placeName(d), levelLabel(d), yearText(d), typeLabel(d), kindLabel(i), monthsText(i), committeeLabel(i)].forEach(function (v, c) {
      const td = el('td', v);
      if (c === 0) td.title = placeKey(d).split('|')[0];
      if (c === 3) td.title = docs.title[d];
      if (c === 4) { td.className = 'kind kind-' + kindKey(i); td.title = kindKey(i); }
      if (c === 5 && v) td.title = v;
      if (c === 6 && committeeKey(i)) td.title = committeeKey(i);
      tr.appendChild(td);
    });
    const text = el('td');
    text.className = 'text';
    text.title = items.t[i];
    text.appendChild(el('div', shortText(i)));
    tr.appendChild(text);
    const link = el('a', sourceText(i));
    link.href = sourceHref(i);
    link.title = link.textContent;
    const cell = el('td');
    cell.className = 'source';
    cell.appendChild(link);
    tr.appendChild(cell);
    return tr;
  }

  /** Draws the rows in view; unless forced, only when that range has changed. */
  function draw(force) {
    const head = table.tHead.offsetHeight;
    const top = Math.max(0, scroller.scrollTop - head);
    const from = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
    const to = Math.min(shown.length, Math.ceil((top + scroller.clientHeight) / rowHeight) + OVERSCAN);
    if (!force && from === drawn.from && to === drawn.to) return;
    drawn = { from: from, to: to };
    const rows = [];
    for (let j = from; j < to; j++) rows.push(row(shown[j], j));
    above.firstChild.style.height = from * rowHeight + 'px';
    below.firstChild.style.height = (shown.length - to) * rowHeight + 'px';
    tbody.replaceChildren(above, ...rows, below);
    table.setAttribute('aria-rowcount', String(shown.length + 1));
  }

  /** Takes the row height from the rows drawn (once, and when the window is resized). */
  function measure() {
    const rows = tbody.querySelectorAll('tr[aria-rowindex]');
    if (rows.length < 2) return;
    const h = (rows[rows.length - 1].getBoundingClientRect().bottom - rows[0].getBoundingClientRect().top) / rows.length;
    if (h > 0 && Math.abs(h - rowHeight) > 0.01) {
      rowHeight = h;
      draw(true);
    }
  }

  /** Shows a new list of items from its first row. */
  function show(list) {
    shown = list;
    scroller.scrollTop = 0;
    draw(true);
  }

  scroller.addEventListener('scroll', function () { draw(false); }, { passive: true });
  window.addEventListener('resize', function () { draw(true); measure(); });
`;
