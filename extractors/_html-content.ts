/**
 * Finding the article in a page. Readability's idea, tuned for Chinese CMS pages: every
 * paragraph-like block credits its Han characters (links excluded) to its parent in full and its
 * grandparent by half; the element with the most credit, discounted by its link density, holds the
 * body. The title heading and the byline usually sit just above that element, so the lines between
 * them are read too.
 */
// Where the rest of a page is lists of other articles: one list, shared with the text pipeline.
import { isTailStart } from '../pipeline/text/clutter.js';
import type { AnyNode, Document, Element } from 'domhandler';
import { contains, linkDensity, measure, stripChrome, type Stats } from './_html-chrome.js';
import { BLOCK, isElement, renderLines, tidy, type Line } from './_html-render.js';
import { isDataTable } from './_html-table.js';

export interface Article {
  title?: string;
  /** Title line, byline(s), body: what the page shows as its article. */
  lines: string[];
}

/** Shorter runs of Han are captions, labels and menu items rather than paragraphs. */
const MIN_PARA = 6;
export const INFO_LINE = /(发布时间|发布日期|更新时间|时间|日期|来源|作者|撰稿|供稿)\s*[:：]/;
/** A line that is only a date (with time, weekday or source), as some pages show under the title. */
const DATE_LINE = /^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?[\s\d:：星期周一二三四五六日天]*(来源.*)?$/;
export const isInfoLine = (t: string): boolean => t.length < 200 && (INFO_LINE.test(t) || DATE_LINE.test(t));

export function readArticle(doc: Document, docTitle: string): Article {
  const body = findBody(doc);
  if (!body) return { title: cleanDocTitle(docTitle) || undefined, lines: [] };
  stripChrome(body, titleByDocTitle(body, docTitle));
  const stats = new Map<Element, Stats>();
  measure(body, stats);
  const container = widen(bestCandidate(body, stats), stats);
  const order = documentOrder(body);
  const matched = titleByDocTitle(body, docTitle);
  // A heading below the article repeating its title is a related-articles entry, not the title.
  const above = matched && (contains(container, matched) || order.get(matched)! < order.get(container)!);
  const heading = above ? matched : titleNear(body, container, order);
  const title = heading ? textOf(heading) : cleanDocTitle(docTitle);

  let bodyLines = renderLines(container).map((l) => l.text);
  let header: string[] = [];
  if (heading && contains(container, heading)) {
    // Lines above the title inside the content block are breadcrumbs and toolbars.
    const at = bodyLines.slice(0, 6).findIndex((l) => same(l, title));
    if (at > 0) bodyLines = bodyLines.slice(at);
  } else header = headerLines(container, heading);
  const lines = [...header, ...bodyLines];
  if (title && !same(lines[0] ?? '', title)) lines.unshift(title);
  return { title: title || undefined, lines: cleanLines(lines) };
}

function findBody(doc: Document): Element | null {
  const find = (n: AnyNode): Element | null => {
    if (isElement(n) && n.name === 'body') return n;
    if ('children' in n) for (const c of n.children) {
      const r = find(c);
      if (r) return r;
    }
    return null;
  };
  return find(doc);
}

function bestCandidate(body: Element, stats: Map<Element, Stats>): Element {
  const credit = new Map<Element, number>();
  const add = (n: AnyNode | null, v: number): void => {
    if (n && isElement(n) && stats.has(n)) credit.set(n, (credit.get(n) ?? 0) + v);
  };
  const visit = (el: Element): void => {
    const s = stats.get(el);
    if (!s) return;
    if (el.name === 'table' && isDataTable(el)) {
      // A data table is one block of the article, however its cells are marked up.
      const v = s.han - s.linkHan;
      if (v >= MIN_PARA) {
        add(el.parent, v);
        add(el.parent?.parent ?? null, v / 2);
      }
      return;
    }
    if (!s.hasBlock && BLOCK.has(el.name) && s.direct >= MIN_PARA) {
      add(el.parent, s.direct);
      add(el.parent?.parent ?? null, s.direct / 2);
      // A block of <br>-separated paragraphs is itself the container.
      if (s.brs >= 2) add(el, s.direct);
    } else if (s.hasBlock && s.direct >= MIN_PARA) add(el, s.direct);
    for (const c of el.children) if (isElement(c)) visit(c);
  };
  visit(body);
  let best = body;
  let bestScore = 0;
  for (const [el, c] of credit) {
    const score = c * (1 - linkDensity(stats.get(el)!));
    // On a tie the inner element wins: it is the same text with less around it.
    if (score > bestScore || (score === bestScore && contains(best, el))) [best, bestScore] = [el, score];
  }
  return best;
}

/**
 * Content split across sibling blocks (a lead paragraph outside the editor's <div>, a second part)
 * moves the choice up to the parent.
 */
function widen(el: Element, stats: Map<Element, Stats>): Element {
  for (let i = 0; i < 2 && el.parent && isElement(el.parent) && el.name !== 'body'; i++) {
    const mine = stats.get(el)!;
    const own = mine.han - mine.linkHan;
    const parent: Element = el.parent;
    const more = parent.children.some((c) => {
      if (c === el || !isElement(c) || /^h\d$/.test(c.name)) return false;
      const s = stats.get(c);
      if (!s || linkDensity(s) > 0.25) return false;
      return s.han - s.linkHan >= Math.max(40, own * 0.2);
    });
    if (!more) break;
    el = parent;
  }
  return el;
}

const HEADINGS = 'h1 h2 h3'.split(' ');
const TITLE_ATTR = /title|biaoti|(^|[\s_-])bt([\s_-]|$)/i;

function headingCandidates(body: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): void => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (HEADINGS.includes(c.name) || TITLE_ATTR.test(`${c.attribs.id ?? ''} ${c.attribs.class ?? ''}`)) {
        const lines = renderLines(c);
        const text = lines.map((l) => l.text).join(' ');
        const link = lines.reduce((k, l) => k + l.linkChars, 0);
        if (text.length <= 150 && /[\u3400-\u9fff]{4}/.test(text) && link < text.length / 2) out.push(c);
      }
      visit(c);
    }
  };
  visit(body);
  return out;
}

const weight = (el: Element): number => (el.name === 'h1' ? 3 : HEADINGS.includes(el.name) ? 1 : 2);

/** The heading whose text the page's <title> repeats. */
function titleByDocTitle(body: Element, docTitle: string): Element | null {
  const doc = squash(docTitle);
  const clean = squash(cleanDocTitle(docTitle));
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of headingCandidates(body)) {
    const t = squash(textOf(el));
    if (t.length < 4) continue;
    // Exactly the title, then part of the <title>, then the title plus something (a wrapper that
    // also holds the byline): the tightest element is the heading.
    let score = t === clean ? 3000 : doc.includes(t) ? 2000 + t.length : clean.length >= 4 && t.includes(clean) ? 1000 - t.length : 0;
    if (!score) continue;
    score += weight(el);
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  return best;
}

/** Without a <title> match: the strongest heading just above (or at the top of) the content. */
function titleNear(body: Element, content: Element, order: Map<AnyNode, number>): Element | null {
  let scope: AnyNode = content;
  for (let i = 0; i < 3 && scope.parent && isElement(scope.parent); i++) scope = scope.parent;
  const start = order.get(content) ?? 0;
  const firstLines = renderLines(content).slice(0, 3);
  let best: Element | null = null;
  for (const el of headingCandidates(body)) {
    if (!contains(scope, el)) continue;
    const inside = contains(content, el);
    if (!inside && (order.get(el) ?? 0) > start) continue;
    if (inside && firstLines.every((l) => !same(l.text, textOf(el)))) continue;
    if (!best || weight(el) > weight(best)) best = el;
  }
  return best;
}

function documentOrder(root: Element): Map<AnyNode, number> {
  const order = new Map<AnyNode, number>();
  const visit = (n: AnyNode): void => {
    order.set(n, order.size);
    if ('children' in n) n.children.forEach(visit);
  };
  visit(root);
  return order;
}

/**
 * Lines between the title heading and the content block: bylines, dates, a subtitle. Without a
 * heading, or when the two are far apart, only byline-like lines are taken from above the content.
 */
function headerLines(content: Element, heading: Element | null): string[] {
  let top: AnyNode = content;
  let depth = 0;
  const limit = heading ? 6 : 2;
  while (top.parent && isElement(top.parent) && depth < limit && !(heading && contains(top, heading))) {
    top = top.parent;
    depth++;
  }
  if (heading && !contains(top, heading)) heading = null;
  const picked: AnyNode[] = [];
  let state: 'before' | 'between' | 'done' = heading ? 'before' : 'between';
  const visit = (n: AnyNode): void => {
    if (state === 'done') return;
    if (n === content) return void (state = 'done');
    if (n === heading) return void (state = 'between');
    if (state === 'between' && !contains(n, content)) return void picked.push(n);
    if ('children' in n) for (const c of [...n.children]) visit(c);
  };
  visit(top);
  const onlyInfo = !heading || depth > 4;
  return renderLines(picked)
    .filter((l: Line) => l.linkChars <= l.text.length / 2 && (!onlyInfo || isInfoLine(l.text)))
    .map((l) => l.text);
}

/** Whole-line toolbars, wherever they are. */
const TOOLBAR = [
  /^(分享到|分享|扫一扫|收藏|打印|【)?\s*[:：]?\s*$/,
  /^[【\[]?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|加入收藏|保存本页|大|中|小)\s*[】\]]?(\s*[【\[]?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|加入收藏|保存本页|大|中|小)\s*[】\]]?)*$/,
  /^(分享到|分享)\s*[:：]/,
  /^(字号|字体)\s*[:：]?\s*[【\[]?\s*大\s*中\s*小/,
  /^(扫一扫|用手机扫|手机扫描|微信扫)/,
];
/** Removed only at the end: editor credits, site notices, an empty attachments label. */
const TAIL_LINE = [
  /^[【\[(（]?\s*(责任编辑|编辑|责编|审核|校对|初审|复审|终审|审校|监制)\s*[:：]/,
  /^.{0,40}(版权所有|ICP备|ICP证|公网安备|网站标识码|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|网站地图).{0,40}$/,
  /^附件\s*[:：]?\s*$/,
];

export function cleanLines(lines: string[]): string[] {
  let out = lines.filter((l) => l.length > 40 || !TOOLBAR.some((re) => re.test(l)));
  // Cut only once a paragraph has been seen: a "相关新闻" box above the article is no end of it.
  const firstPara = out.findIndex((l) => l.length > 40);
  const cut = out.findIndex((l, i) => i > firstPara && firstPara >= 0 && l.length <= 80 && isTailStart(l));
  if (cut > 0) out = out.slice(0, cut);
  out = out.filter((l) => l.length > 80 || !isTailStart(l));
  while (out.length > 1 && TAIL_LINE.some((re) => re.test(out[out.length - 1]))) out.pop();
  return out;
}

/**
 * "title - site", "site_title", "title | site": the longest part is the title. A hyphen between
 * digits (2023-2025年) and the Chinese dash "——" (which introduces a subtitle) do not separate.
 */
export function cleanDocTitle(t: string): string {
  const parts = tidy(t).split(/\s*(?:[_|｜]|(?<!\d)[-–]+(?!\d)|\s[-–]+\s)\s*/).filter(Boolean);
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

const squash = (s: string): string => s.replace(/\s+/g, '');
const same = (a: string, b: string): boolean => squash(a) === squash(b);
const textOf = (el: Element): string => tidy(renderLines(el).map((l) => l.text).join(' '));
