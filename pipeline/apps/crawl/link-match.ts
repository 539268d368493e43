/**
 * Which of a page's links a source wants, by the patterns of its sources entry (`documents`,
 * `follow`) and by the list's own pagination.
 */
import { isPaginationText, type PageLink } from './links.js';

/**
 * A pagination link of the list being read ("下一页", "2", "尾页", or a page of its pagination
 * script): same host and folder as the page, so that a "1 2 3" row elsewhere on the site does not
 * lead the crawl away.
 */
export function isPageOf(link: PageLink, target: URL, page: URL): boolean {
  if (!link.pagination && !isPaginationText(link.text)) return false;
  const folder = (u: URL) => u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
  return target.host === page.host && folder(target) === folder(page);
}

/** Regexes are tested against the URL as sent (percent-encoded) and as read (decoded), so a pattern may name 工作要点. */
export function matchesAny(patterns: RegExp[], url: string): boolean {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // a malformed escape: the encoded form is all there is
  }
  return patterns.some((re) => re.test(url) || (decoded !== url && re.test(decoded)));
}
