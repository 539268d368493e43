/**
 * Sort order for the item table, decided when the page is written. Comparing Chinese strings with
 * Intl.Collator costs about a microsecond a pair, so sorting 100,000 item texts in the page took
 * seconds per click; here each distinct string gets a rank once, and the page sorts integers.
 * The collator is the one the page used before (zh-CN, numbers by value), from Node's ICU.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true });

export function compareZh(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Dense ranks: strings the collator holds equal share a rank, so the page's tie-break (the item's
 * place in document order) decides between them exactly as a comparator sort would. Distinct
 * strings are sorted once, however often they repeat.
 */
export function denseRanks(values: readonly string[]): number[] {
  const distinct = [...new Set(values)].sort(compareZh);
  const rank = new Map<string, number>();
  let r = -1;
  distinct.forEach((v, i) => {
    if (i === 0 || compareZh(distinct[i - 1], v) !== 0) r++;
    rank.set(v, r);
  });
  return values.map((v) => rank.get(v)!);
}
