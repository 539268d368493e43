import { chineseNumeral } from './chars.js';

/**
 * Numbering markers at the start of a line. Each style is one way of writing a number; documents
 * nest styles in whatever order they like, so segmentation learns the order per document and this
 * file only recognises them. Variants seen in OCR output and web copies are accepted: ASCII
 * punctuation, "1，" for "1.", a space before the 、, full-width digits (already folded to ASCII by
 * normalisation).
 */
export type MarkerStyle =
  | 'cn_dun' // 一、
  | 'cn_paren' // （一）
  | 'arabic' // 1. 1、 1．
  | 'arabic_paren' // （1）
  | 'arabic_half' // 1）
  | 'circled' // ① ⑴
  | 'article' // 第一条
  | 'cn_shi' // 一是
  | 'cn_ordinal'; // 第一，

export interface Marker {
  style: MarkerStyle;
  /** The marker as written, e.g. "（一）". */
  raw: string;
  value: number;
  /** Length of the marker including the space after it. */
  length: number;
}

const CN = '[一二三四五六七八九十百]{1,4}';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PAREN_DIGITS = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';

const PATTERNS: Array<{ style: MarkerStyle; re: RegExp }> = [
  { style: 'cn_paren', re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*`) },
  { style: 'arabic_paren', re: /^[（(]\s*(\d{1,3})\s*[）)]\s*/ },
  { style: 'cn_shi', re: new RegExp(`^(${CN})是(?=[^\\s，,。：:])`) },
  { style: 'cn_ordinal', re: new RegExp(`^第(${CN})[，,、：:]\\s*`) },
  { style: 'cn_dun', re: new RegExp(`^(${CN})\\s*[、，,．.]\\s*`) },
  // "1." must not be the start of a decimal or a date ("2023.5", "1.5倍").
  // …unless a date follows at once: "1.3月，听取…" (from "1．3月" with a full-width dot).
  { style: 'arabic', re: /^(\d{1,3})\s*(?:[、，,．]|\.(?!\d)|\.(?=\d{1,2}\s*月|\d{4}\s*年))\s*/ },
  { style: 'arabic_half', re: /^(\d{1,3})\s*[）)]\s*/ },
  { style: 'circled', re: new RegExp(`^([${CIRCLED}${PAREN_DIGITS}])\\s*`) },
  { style: 'article', re: new RegExp(`^第(${CN}|\\d{1,3})条\\s*`) },
];

export function matchMarker(line: string): Marker | null {
  for (const { style, re } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const value = style === 'circled' ? (CIRCLED + PAREN_DIGITS).indexOf(m[1]) % 20 + 1 : chineseNumeral(m[1]);
    if (value === null || value <= 0) continue;
    // A year or a quantity at the start of a sentence is not a marker: "2023年…", "3.5亿元".
    if (style === 'arabic' && value > 200) continue;
    const rest = line.slice(m[0].length);
    if (!rest.trim()) continue;
    return { style, raw: m[0].trim(), value, length: m[0].length };
  }
  return null;
}

export const startsWithMarker = (line: string): boolean => matchMarker(line) !== null;
