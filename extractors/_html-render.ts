/**
 * DOM → lines. Block elements end a line, inline ones do not, data tables become pipe rows. Works
 * on the domhandler nodes cheerio parses into, without cheerio wrappers: a page is walked several
 * times and wrappers would cost more than the walk.
 */
import type { AnyNode, Element } from 'domhandler';
import { isDataTable, renderTable } from './_html-table.js';

export const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Never text: scripts, widgets and form controls (a <select> of "友情链接" is navigation). */
export const SKIP = new Set([
  'script', 'style', 'noscript', 'iframe', 'template', 'svg', 'canvas', 'object', 'embed', 'select',
  'option', 'button', 'input', 'textarea', 'map', 'head', 'title', 'meta', 'link', 'audio', 'video',
]);

export const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f“”‘’';
/** A source line break between two CJK characters is HTML source formatting, not a space. */
const CJK_BREAK = new RegExp(`([${CJK}])[ \\t\\r\\n]*\\n[ \\t\\r\\n]*(?=[${CJK}])`, 'g');

/** Collapse HTML whitespace; &nbsp; and ideographic-space indents go with the trim. */
export function tidy(raw: string): string {
  return raw.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(CJK_BREAK, '$1').replace(/\s+/g, ' ').trim();
}

export interface Line {
  text: string;
  /** Characters of the line that sit inside links: a line that is mostly link is navigation. */
  linkChars: number;
}

export function renderLines(root: AnyNode | AnyNode[]): Line[] {
  const lines: Line[] = [];
  let cur = '';
  let curLink = 0;
  const flush = (): void => {
    const text = tidy(cur);
    if (text) lines.push({ text, linkChars: Math.min(curLink, text.length) });
    cur = '';
    curLink = 0;
  };
  const walk = (n: AnyNode, inLink: boolean, inPre: boolean): void => {
    if (n.type === 'text') {
      const data = (n as { data: string }).data;
      if (inPre && data.includes('\n')) {
        data.split('\n').forEach((part, i) => {
          if (i > 0) flush();
          cur += part;
        });
      } else cur += data;
      if (inLink) curLink += data.replace(/\s+/g, '').length;
      return;
    }
    if (!isElement(n)) {
      if ('children' in n) for (const c of n.children) walk(c, inLink, inPre);
      return;
    }
    if (SKIP.has(n.name)) return;
    if (n.name === 'br') return flush();
    if (n.name === 'table' && isDataTable(n)) {
      flush();
      for (const text of renderTable(n, cellText)) lines.push({ text, linkChars: 0 });
      return;
    }
    const block = BLOCK.has(n.name);
    if (block) flush();
    for (const c of n.children) walk(c, inLink || n.name === 'a', inPre || n.name === 'pre');
    if (block) flush();
  };
  for (const n of Array.isArray(root) ? root : [root]) walk(n, false, false);
  flush();
  return lines;
}

/** A table cell on one line: its own line breaks become spaces, and "|" cannot break the row. */
function cellText(cell: Element): string {
  return renderLines(cell)
    .map((l) => l.text)
    .join(' ')
    .replace(/\|/g, '｜');
}
