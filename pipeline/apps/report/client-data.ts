/**
 * Client script, part 1: the item table's data, read from the JSON block (shape: table-data.ts),
 * and what a cell shows. Everything here is computed once at load; the columns stay as the server
 * wrote them (arrays of ids and numbers) and only the document of each item is expanded.
 * Plain JavaScript in a string (see client.ts); String.raw keeps its backslashes as written.
 */
export const CLIENT_DATA = String.raw`
  const data = JSON.parse(document.getElementById('data').textContent);
  const docs = data.docs;
  const items = data.items;
  const itemCount = items.t.length;
  const docCount = docs.title.length;
  const TRUNCATE = 80;

  // Items come grouped by document; perDoc says how many each has.
  const docOf = new Int32Array(itemCount);
  for (let d = 0, i = 0; d < docCount; d++) {
    for (let c = items.perDoc[d]; c > 0; c--) docOf[i++] = d;
  }

  function placeKey(d) { return data.places[docs.place[d]][0]; }
  function placeName(d) { return data.places[docs.place[d]][1]; }
  function levelKey(d) { return docs.level[d] < 0 ? null : data.levels[docs.level[d]][0]; }
  function levelLabel(d) { return docs.level[d] < 0 ? '' : data.levels[docs.level[d]][1]; }
  function typeKey(d) { return data.types[docs.type[d]][0]; }
  function typeLabel(d) { return data.types[docs.type[d]][1]; }
  function kindKey(i) { return data.kinds[items.k[i]][0]; }
  function kindLabel(i) { return data.kinds[items.k[i]][1]; }
  function committeeKey(i) { return data.committees[items.c[i]][0]; }
  function committeeLabel(i) { return data.committees[items.c[i]][1]; }
  function yearText(d) { return docs.year[d] === null ? '' : String(docs.year[d]); }
  function monthsText(i) {
    const out = [];
    for (let m = 1; m <= 12; m++) if (items.m[i] & (1 << (m - 1))) out.push(m);
    return out.join(', ');
  }
  function sourceText(i) { return docs.path[docOf[i]] + (items.p[i] ? ' p. ' + items.p[i] : ''); }
  function sourceHref(i) { const d = docOf[i]; return docs.pdf[d] && items.p[i] ? docs.href[d] + '#page=' + items.p[i] : docs.href[d]; }
  function shortText(i) {
    const t = items.t[i];
    if (t.length <= TRUNCATE) return t;
    const chars = Array.from(t);
    return chars.length > TRUNCATE ? chars.slice(0, TRUNCATE).join('') + '…' : t;
  }
`;
