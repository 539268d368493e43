/**
 * Deep nesting in the markup itself, before any parser sees it. HTML parsers keep the open elements
 * on a stack they search or shift on every tag (parse5's tree construction, htmlparser2's
 * stack.unshift), so a page nested n deep costs n²: 40,000 nested <div>s took 35 s to parse and
 * 500,000 never finished. Real pages nest a few dozen levels. When a page nests deeper than
 * TRIGGER_DEPTH, the tags below KEEP_DEPTH are taken out of the markup (a block tag becomes a <br>,
 * so lines still break; text stays, in order); every other page is passed through untouched.
 */
import { BLOCK, SKIP } from './_html-render.js';

const TRIGGER_DEPTH = 1000;
const KEEP_DEPTH = 200;

/** Elements with no content; they never nest. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/**
 * Elements whose end tag pages leave out (a <p> ends at the next <p>): counted as nesting, a long
 * page of unclosed paragraphs would look deep. They are not counted either way.
 */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'tbody', 'thead', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'html', 'head', 'body']);

/** Tags, comments and raw-text elements (whose content is not markup), in one linear scan. */
// A tag's attributes are bounded so that text full of "<a" with no ">" costs each "<" a bounded
// look-ahead, not a scan to the end (a tag with a longer attribute, such as an inlined image, is
// left out of the count, which only needs to be approximate).
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^<>]{0,4096}>/g;
const RAW_END = { script: /<\/script/gi, style: /<\/style/gi } as const;

export function flattenDeepMarkup(html: string): string {
  if (maxDepth(html) <= TRIGGER_DEPTH) return html;
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  let lastWasBreak = false;
  for (const t of tokens(html)) {
    if (t.kind !== 'tag' || VOID.has(t.name) || IMPLIED_END.has(t.name)) continue;
    const inside = t.close ? depth - 1 : depth;
    if (t.close) depth = Math.max(0, depth - 1);
    else depth++;
    if (inside < KEEP_DEPTH || SKIP.has(t.name)) continue;
    // Below the kept depth: the tag goes; a block still ends its line (once: a run of dropped tags
    // with nothing between them is one break, not a million).
    const between = html.slice(last, t.start);
    const brk = BLOCK.has(t.name) && (between.trim() !== '' || !lastWasBreak);
    out.push(between, brk ? '<br>' : '');
    if (between.trim() !== '') lastWasBreak = false;
    if (brk) lastWasBreak = true;
    last = t.end;
  }
  out.push(html.slice(last));
  return out.join('');
}

/** The deepest nesting of the markup's elements, approximately (what a tag count can tell). */
export function maxDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const t of tokens(html)) {
    if (t.kind !== 'tag' || VOID.has(t.name) || IMPLIED_END.has(t.name)) continue;
    if (t.close) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

interface Token {
  kind: 'tag' | 'comment';
  name: string;
  close: boolean;
  start: number;
  end: number;
}

function* tokens(html: string): Generator<Token> {
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(html))) {
    if (!m[2]) {
      yield { kind: 'comment', name: '', close: false, start: m.index, end: TOKEN.lastIndex };
      continue;
    }
    const name = m[2].toLowerCase();
    const close = m[1] === '/';
    const selfClosing = m[0].endsWith('/>');
    yield { kind: 'tag', name, close, start: m.index, end: TOKEN.lastIndex };
    if (selfClosing && !close) yield { kind: 'tag', name, close: true, start: TOKEN.lastIndex, end: TOKEN.lastIndex };
    // Script and style content is not markup: skip to its end tag.
    if (!close && !selfClosing && (name === 'script' || name === 'style')) {
      const end = RAW_END[name];
      end.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = end.exec(html)?.index ?? html.length;
    }
  }
}
