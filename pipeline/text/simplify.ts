import { createRequire } from 'node:module';
import { inGb2312 } from './gb2312.js';

/**
 * Traditional → simplified Chinese with OpenCC's dictionaries (opencc-js), so one set of rules
 * reads documents typeset in traditional characters. Only documents that really are traditional are
 * converted: a simplified document must pass untouched, because a character-by-character map would
 * turn 著作权法 into 着作权法 and 乾县 into 干县. A document counts as traditional when it holds
 * characters that OpenCC changes and that simplified Chinese (GB2312) does not contain; it is then
 * converted phrase by phrase, which keeps 著作 and 乾县 right.
 */
type Convert = (s: string) => string;
let converter: Convert | null = null;
const charCache = new Map<string, string>();

function load(): Convert {
  if (!converter) {
    // opencc-js ships a UMD build for require(); loading it this way avoids its large ESM graph.
    const require = createRequire(import.meta.url);
    const OpenCC = require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): Convert };
    converter = OpenCC.Converter({ from: 'tw', to: 'cn' });
  }
  return converter;
}

/** Traditional-only characters needed before a document is treated as traditional. */
const MIN_TRADITIONAL = 3;
const MIN_SHARE = 0.01;

export function isTraditional(text: string): boolean {
  const { han, traditional } = countTraditional(text);
  return traditional >= MIN_TRADITIONAL && traditional >= han * MIN_SHARE;
}

/** Han characters in `text`, and how many of them are traditional-only (not GB2312, changed by OpenCC). */
export function countTraditional(text: string): { han: number; traditional: number } {
  let han = 0;
  let traditional = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x3400 || c > 0x9fff) continue;
    han++;
    if (!inGb2312(ch) && convertChar(ch) !== ch) traditional++;
  }
  return { han, traditional };
}

/** The simplified text, of the same length (offsets stay valid), or the text itself. */
export function toSimplified(text: string): string {
  return isTraditional(text) ? convertTraditional(text) : text;
}

/** Convert without asking whether the text is traditional (short strings known to be). */
export function convertTraditional(text: string): string {
  const phrased = load()(text);
  if (phrased.length === text.length) return phrased;
  // A phrase rule changed the length somewhere: fall back to characters, which never do.
  return Array.from(text, (ch) => (ch.length === 1 ? convertChar(ch) : ch)).join('');
}

/** One character's simplified form (itself when it has none); cached, for per-character tests. */
export function convertChar(ch: string): string {
  let s = charCache.get(ch);
  if (s === undefined) {
    s = load()(ch);
    if (s.length !== 1) s = ch;
    charCache.set(ch, s);
  }
  return s;
}
