/**
 * Page furniture: navigation, breadcrumbs, share bars, sidebars, footers. Removed before the
 * content is scored so that their text can neither win nor leak into the article. Class and id
 * names are what CMS templates actually use, including pinyin ones (xgwz = 相关文章, weizhi = 位置).
 */
import type { AnyNode, Element } from 'domhandler';
import { BLOCK, SKIP, isElement, renderLines } from './_html-render.js';

const HAN_G = /[\u3400-\u9fff\uf900-\ufaff]/g;
export const hanCount = (s: string): number => (s.match(HAN_G) ?? []).length;

export interface Stats {
  han: number;
  linkHan: number;
  /** Non-space characters, and those inside links: the link density is linkChars / chars. */
  chars: number;
  linkChars: number;
  /** Non-link Han characters of this element's own text and inline children (not of child blocks). */
  direct: number;
  hasBlock: boolean;
  brs: number;
}

export const linkDensity = (s: Stats): number => (s.chars ? s.linkChars / s.chars : 0);

/** One post-order pass; every element's counts are then a map lookup. */
export function measure(el: Element, out: Map<Element, Stats>, inLink = false): Stats {
  const s: Stats = { han: 0, linkHan: 0, chars: 0, linkChars: 0, direct: 0, hasBlock: false, brs: 0 };
  const link = inLink || el.name === 'a';
  for (const c of el.children) {
    if (c.type === 'text') {
      const t = (c as { data: string }).data;
      const h = hanCount(t);
      const ch = t.replace(/\s+/g, '').length;
      s.han += h;
      s.chars += ch;
      if (link) {
        s.linkHan += h;
        s.linkChars += ch;
      } else s.direct += h;
    } else if (isElement(c) && !SKIP.has(c.name)) {
      if (c.name === 'br') {
        s.brs++;
        continue;
      }
      const cs = measure(c, out, link);
      s.han += cs.han;
      s.linkHan += cs.linkHan;
      s.chars += cs.chars;
      s.linkChars += cs.linkChars;
      // An inline wrapper around blocks (<font><p>…</p></font>, common in CMS output) is a block.
      if (BLOCK.has(c.name) || cs.hasBlock) s.hasBlock = true;
      else s.direct += cs.han - cs.linkHan;
    }
  }
  out.set(el, s);
  return s;
}

const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form']);
const CHROME_TOKENS = new Set([
  'nav', 'navs', 'navi', 'navbar', 'menu', 'menus', 'submenu', 'crumb', 'crumbs', 'breadcrumb',
  'location', 'position', 'weizhi', 'dqwz', 'share', 'bdshare', 'footer', 'foot', 'copyright',
  'banquan', 'sidebar', 'side', 'aside', 'related', 'relate', 'xgwz', 'xgxw', 'xgxx', 'comment',
  'comments', 'toolbar', 'tools', 'print', 'close', 'pager', 'pagination', 'fenye', 'search', 'login',
  'friendlink', 'yqlj', 'qrcode', 'ewm', 'erweima', 'gotop', 'backtop', 'header', 'head', 'top',
  'topbar', 'banner', 'logo', 'ad', 'ads', 'advert', 'bottom', 'daohang', 'dibu',
]);
/** Compound class names that do not split on "-" or "_": bdsharebuttonbox, breadCrumb, rightList. */
const CHROME_SUBSTR = /bdshare|breadcrumb|crumb|copyright|sidebar|navbar|footer|right-?list|xgwz|share|toolbar/;
const INFO = /(发布时间|发布日期|时间|日期|来源|作者)\s*[:：]/;

function chromeByName(el: Element): boolean {
  if (CHROME_TAGS.has(el.name)) return true;
  const a = el.attribs;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? '') || 'hidden' in a) return true;
  const names = `${a.id ?? ''} ${a.class ?? ''}`.toLowerCase();
  if (!names.trim()) return false;
  return CHROME_SUBSTR.test(names) || names.split(/[\s_\-]+|(?<=[a-z])(?=\d)/).some((t) => CHROME_TOKENS.has(t));
}

/**
 * A chrome-named element is kept when it holds the article after all: the page title heading
 * (an "article-head"), the byline, or a body of plain text (ASP.NET wraps whole pages in <form>;
 * some templates call the content column "side"). Its own chrome children are still removed.
 */
function isProtected(el: Element, stats: Map<Element, Stats>, title: Element | null, pagePlain: number): boolean {
  const s = stats.get(el);
  if (!s) return false;
  const ld = linkDensity(s);
  const plain = s.han - s.linkHan;
  // Most of the page's plain text cannot be furniture, however linky the rest of it is.
  if ((plain >= 300 && ld < 0.3) || plain > pagePlain / 2) return true;
  if (title && contains(el, title)) return true;
  if (s.han < 300 && ld < 0.5) return renderLines(el).some((l) => INFO.test(l.text));
  return false;
}

export function contains(outer: AnyNode, inner: AnyNode): boolean {
  for (let n: AnyNode | null = inner; n; n = n.parent) if (n === outer) return true;
  return false;
}

export function removeNode(n: AnyNode): void {
  const p = n.parent;
  if (!p) return;
  const i = p.children.indexOf(n as (typeof p.children)[number]);
  if (i >= 0) p.children.splice(i, 1);
  if (n.prev) n.prev.next = n.next;
  if (n.next) n.next.prev = n.prev;
  n.parent = n.prev = n.next = null;
}

/** Remove scripts, comments and unprotected chrome, top-down. */
export function stripChrome(root: Element, title: Element | null): void {
  const stats = new Map<Element, Stats>();
  const page = measure(root, stats);
  const pagePlain = page.han - page.linkHan;
  const walk = (el: Element): void => {
    for (const c of [...el.children]) {
      if (c.type === 'comment' || c.type === 'directive') removeNode(c);
      else if (!isElement(c)) continue;
      else if (SKIP.has(c.name) || (chromeByName(c) && !isProtected(c, stats, title, pagePlain))) removeNode(c);
      else walk(c);
    }
  };
  walk(root);
}
