/**
 * Client script, part 2: the text filter. The page before this one joined every column of every
 * row into a lowercased string and tested each of them per keystroke. Here a document's columns are
 * lowercased once per document, and the items' own columns are lowercased once into ONE string
 * (items separated by a newline, with each item's start offset kept), so a keystroke is one native
 * indexOf scan that jumps from match to match, and a binary search names the item of each match.
 *
 * Same matches as before: the needle is the box's value trimmed and lowercased, and a search box's
 * value never holds a newline, so a match lies within one column. The one column split between
 * document and item is the source, "path p. N": a needle that runs from the end of the path into
 * " p. N" is looked for separately (matchesAcross).
 */
export const CLIENT_SEARCH = String.raw`
  const docHay = new Array(docCount);
  const docPath = new Array(docCount);
  for (let d = 0; d < docCount; d++) {
    docHay[d] = [placeName(d), placeKey(d), levelLabel(d), levelKey(d) || '', yearText(d), typeLabel(d), typeKey(d),
      docs.title[d], docs.path[d]].join('\n').toLowerCase();
    docPath[d] = docs.path[d].toLowerCase();
  }

  const hayStart = new Float64Array(itemCount + 1);
  const hay = (function () {
    const parts = new Array(itemCount);
    function offsets() {
      let at = 0;
      for (let i = 0; i < itemCount; i++) { hayStart[i] = at; at += parts[i].length + 1; }
      hayStart[itemCount] = at;
    }
    for (let i = 0; i < itemCount; i++) {
      parts[i] = kindLabel(i) + '\n' + kindKey(i) + '\n' + monthsText(i) + '\n' + committeeLabel(i) + '\n' + committeeKey(i) +
        '\n' + data.numbers[items.n[i]] + '\n' + items.t[i] + (items.p[i] ? '\n p. ' + items.p[i] : '');
    }
    offsets();
    const joined = parts.join('\n');
    const lower = joined.toLowerCase();
    if (lower.length === joined.length) return lower;
    // A few characters lowercase to two (İ to i̇); then each item is lowercased on its own so
    // the offsets hold.
    for (let i = 0; i < itemCount; i++) parts[i] = parts[i].toLowerCase();
    offsets();
    return parts.join('\n');
  })();

  /** The item whose part of the haystack holds position pos. */
  function itemAt(pos) {
    let lo = 0;
    let hi = itemCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (hayStart[mid] <= pos) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  const docHit = new Uint8Array(docCount);
  const itemHit = new Uint8Array(itemCount);

  /** Marks docHit and itemHit for a non-empty, lowercased needle. */
  function findText(needle) {
    for (let d = 0; d < docCount; d++) docHit[d] = docHay[d].indexOf(needle) >= 0 ? 1 : 0;
    itemHit.fill(0);
    let pos = hay.indexOf(needle);
    while (pos >= 0) {
      const i = itemAt(pos);
      itemHit[i] = 1;
      pos = hay.indexOf(needle, hayStart[i + 1]);
    }
    matchesAcross(needle);
  }

  /** A needle such as "a.pdf p. 1" that starts in the source path and ends in the page. */
  function matchesAcross(needle) {
    for (let s = 1; s < needle.length; s++) {
      if (needle.charCodeAt(s) !== 32) continue;
      const tail = needle.slice(s);
      if (!/^ (p(\.( (\d+)?)?)?)?$/.test(tail)) continue;
      const head = needle.slice(0, s);
      const ends = new Uint8Array(docCount);
      let any = false;
      for (let d = 0; d < docCount; d++) if (docPath[d].endsWith(head)) { ends[d] = 1; any = true; }
      if (!any) continue;
      for (let i = 0; i < itemCount; i++) {
        if (ends[docOf[i]] && items.p[i] && (' p. ' + items.p[i]).startsWith(tail)) itemHit[i] = 1;
      }
    }
  }
`;
