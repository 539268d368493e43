import { isCommonHan } from '../pipeline/text/gb2312.js';
import { convertChar } from '../pipeline/text/simplify.js';

/**
 * Whether a page's text layer can be trusted, or the page must be OCR'd. A scan has no text layer;
 * a PDF whose fonts lost their ToUnicode maps yields private-use code points, replacement
 * characters or a stream of rare characters; a page whose text layer covers only a headline while
 * the page is full of print is as good as a scan.
 */
export type TextLayerVerdict = 'good' | 'empty' | 'garbage' | 'sparse';

/** Characters per unit of ink (dark-pixel share) below which a text layer is missing most of the page. */
const MIN_CHARS_PER_INK = 2500;
/** Below this many characters a page with little ink (a title page) is still believed. */
const SHORT_PAGE = 80;

export function judgeTextLayer(text: string, ink?: number): TextLayerVerdict {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length === 0) return 'empty';
  if (garbageShare(chars) > 0.25) return 'garbage';
  if (ink !== undefined && ink > 0.01 && chars.length < Math.max(SHORT_PAGE, ink * MIN_CHARS_PER_INK)) return 'sparse';
  return 'good';
}

/**
 * Share of characters that real Chinese documents do not contain: private-use and replacement
 * characters, C0/C1 controls, and Han characters outside GB2312's first level (the 3,755 common
 * characters that make up nearly all official prose). Latin letters, digits and punctuation count
 * as plausible, and so does a traditional character whose simplified form is common: a page set in
 * traditional characters (a mirror site's copy, a Hong Kong or Taiwan print) is text, not garbage.
 */
export function garbageShare(chars: string[]): number {
  let bad = 0;
  for (const ch of chars) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || c < 0x20 || (c >= 0x7f && c < 0xa0)) bad++;
    else if (c >= 0x3400 && c <= 0x9fff && !isCommonHan(ch) && !isCommonHan(convertChar(ch))) bad++;
  }
  return bad / chars.length;
}
