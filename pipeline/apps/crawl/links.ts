/**
 * The links of a fetched page, as absolute URLs without fragments. Besides <a href>, Chinese
 * government CMSs (TRS WCM and its copies) draw their pagination with a script call,
 * `createPageHTML(total, current, "index", "html")`, whose pages are index.html, index_1.html, …,
 * index_{total-1}.html; those are listed too, since without them only a list's first page is
 * reachable.
 */
import { load } from 'cheerio';
import { decodeText } from '../../../extractors/_charset.js';
import { sniffCharset } from '../../../extractors/html.js';

export interface PageLink {
  url: string;
  /** The anchor's text, whitespace folded ('' for script pagination and image links). */
  text: string;
  /** Set on the pages a pagination script lists: they are the list's own pages whatever their text. */
  pagination?: true;
}

/**
 * Anchor texts that mean "another page of this list" on Chinese and English sites, once spaces,
 * brackets and arrows are taken off: 下一页, 下一页>>, [2], 第2页, 尾页, ›, next, …
 */
const PAGINATION_TEXT = /^(?:下一?页|上一?页|后页|前页|尾页|末页|首页|第?\d{1,4}页?|next|prev(?:ious)?|last|first|)$/i;
const DECORATION = /[\s[\]【】()（）<>«»‹›〈〉《》.…]/g;

export function isPaginationText(text: string): boolean {
  if (!text.trim()) return false; // an anchor without text (an image) says nothing
  return PAGINATION_TEXT.test(text.replace(DECORATION, ''));
}

export function pageLinks(bytes: Uint8Array, pageUrl: string, headerCharset?: string): PageLink[] {
  const { text: html } = decodeText(bytes, headerCharset ?? sniffCharset(bytes));
  const $ = load(html);
  let base: URL;
  try {
    base = new URL($('base[href]').attr('href') ?? pageUrl, pageUrl);
  } catch {
    base = new URL(pageUrl);
  }
  const seen = new Set<string>();
  const links: PageLink[] = [];
  const add = (href: string, text: string, pagination?: true): void => {
    const url = absolute(href, base);
    if (!url || seen.has(url)) return;
    seen.add(url);
    links.push(pagination ? { url, text, pagination } : { url, text });
  };
  $('a[href], area[href]').each((_, el) => {
    add($(el).attr('href') ?? '', $(el).text().replace(/\s+/g, ' ').trim());
  });
  for (const url of scriptPagination(html, base)) add(url, '', true);
  return links;
}

/** An http(s) URL without its fragment, or null for javascript:, mailto:, bad and empty links. */
export function absolute(href: string, base: URL | string): string | null {
  const h = href.trim();
  if (!h || h.startsWith('#') || /^(?:javascript|mailto|tel|data):/i.test(h)) return null;
  try {
    const url = new URL(h, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

const CREATE_PAGE = /createPageHTML\(\s*['"]?(\d{1,4})['"]?\s*,\s*['"]?(\d{1,4})['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/g;

function scriptPagination(html: string, base: URL): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(CREATE_PAGE)) {
    const total = Math.min(Number(m[1]), 500);
    const [name, ext] = [m[3], m[4]];
    for (let k = 0; k < total; k++) {
      const url = absolute(`${k === 0 ? name : `${name}_${k}`}.${ext}`, base);
      if (url) urls.push(url);
    }
  }
  return urls;
}
