/**
 * How much one page may add to a crawl. A list page with 100,000 links, or a "下一页" that never
 * ends (a tarpit: every page links to one more), would otherwise spend each scheduled run on the
 * same site. So, like Scrapy's DEPTH_LIMIT and Crawlee's maxCrawlDepth, a list page more than
 * maxListDepth links from a start page is not followed, and at most maxLinksPerPage of a page's
 * links are taken (in page order: the first, which on a dated list are the newest). Documents
 * are taken at any depth: a page that was read gives its documents. What is left out is not
 * recorded, so a later run with a higher limit finds it again; each page that hits a limit gives a
 * warning naming the option that raises it.
 */
import type { Discovered, UrlRole } from './state.js';
import type { CrawlWarning } from './summary.js';

export interface LinkLimits {
  maxLinksPerPage: number;
  maxListDepth: number;
}

export interface BoundedLinks {
  /** The links to record and visit, in page order. */
  taken: Discovered[];
  /** Links past maxLinksPerPage. */
  dropped: number;
  /** List pages beyond maxListDepth that this run has not reached some other way. */
  tooDeep: number;
  warnings: CrawlWarning[];
}

/**
 * `links`: a page's links that the source wants (on an allowed host, a document or a list page),
 * in page order, each once. `depth`: the page's own, 0 for a start page.
 */
export function boundLinks(
  links: ReadonlyArray<{ url: string; role: UrlRole }>,
  page: { url: string; depth: number },
  limits: LinkLimits,
  seen: ReadonlySet<string>,
): BoundedLinks {
  const depth = page.depth + 1;
  const taken: Discovered[] = [];
  let dropped = 0;
  let tooDeep = 0;
  for (const { url, role } of links) {
    if (role === 'list' && depth > limits.maxListDepth) {
      // A link back to a page already reached (上一页, 首页) is not something left out.
      if (!seen.has(url)) tooDeep++;
    } else if (taken.length < limits.maxLinksPerPage) taken.push({ url, role, depth });
    else dropped++;
  }
  const warnings: CrawlWarning[] = [];
  if (dropped) {
    const message = `${taken.length + dropped} links to documents and list pages; the first ${taken.length} were taken, ${dropped} dropped (maxLinksPerPage ${limits.maxLinksPerPage})`;
    warnings.push({ url: page.url, code: 'too_many_links', message });
  }
  if (tooDeep) {
    const message = `list page ${page.depth} links from a start page: ${tooDeep} list ${tooDeep === 1 ? 'page' : 'pages'} it links to not followed (maxListDepth ${limits.maxListDepth})`;
    warnings.push({ url: page.url, code: 'too_deep', message });
  }
  return { taken, dropped, tooDeep, warnings };
}
