/**
 * Text items → lines. pdf.js hands out runs of text with a position and width, in whatever order
 * the producer drew them; reading order has to be rebuilt from geometry. Coordinates are PDF
 * points on the page as displayed, y growing downwards.
 */
import { maxOf } from '../pipeline/text/arrays.js';

/** One run of upright text: `x`,`y` is the start of its baseline, `w` its advance width. */
export interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/** A stretch of a line with no wide gap inside; a table row has one segment per filled cell. */
export interface Segment {
  x0: number;
  x1: number;
  text: string;
}

export interface Line {
  /** Baseline. */
  y: number;
  /** Font size of the largest text on the line. */
  size: number;
  x0: number;
  x1: number;
  segments: Segment[];
  /** The line as text (segments joined). */
  text: string;
  /** Recognised by OCR: `size` is the height of the line's ink box, not a font size. */
  ocr?: true;
}

/** Baselines closer than this (× font size) belong to the same line. */
const SAME_LINE = 0.4;
/** A gap this wide (× font size) separates cells; justified CJK text never opens one this wide. */
const CELL_GAP = 1.5;
/** A gap this wide (× font size) between Latin runs is a word space. */
const WORD_GAP = 0.25;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{2fa1f}]/u;

export const isCjk = (ch: string): boolean => CJK.test(ch);

/**
 * Join two pieces of one sentence that a line break (or a drawing gap) separated: Chinese runs on
 * with no space; a space is only wanted between Latin letters or digits ("2023" + "年" stays tight,
 * "Section" + "3" does not).
 */
export function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return /[A-Za-z0-9,.;:]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** The fields of a pdf.js text item this module reads. */
export interface RawText {
  str: string;
  transform: number[];
  width: number;
}

const QUARTER = Math.PI / 2;
/** Unit vectors of the four reading directions, as quarter turns from left-to-right. */
const DIRECTIONS = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];

/**
 * Place text items on the page as a reader sees it. `view` is the viewport transform, which
 * applies /Rotate and the crop box. Text running in the page's main direction is turned to run
 * left to right (a landscape table typeset sideways reads normally); text at any other angle
 * (diagonal watermarks, stamps) is dropped.
 */
export function placeItems(raw: RawText[], view: number[]): Item[] {
  const placed = raw
    .filter((r) => r.str.trim() !== '')
    .map((r) => {
      const m = multiply(view, r.transform);
      const angle = Math.atan2(m[1], m[0]);
      const quarter = Math.round(angle / QUARTER);
      return { r, m, quarter: ((quarter % 4) + 4) % 4, skew: Math.abs(angle - quarter * QUARTER) };
    });
  const chars = [0, 0, 0, 0];
  for (const p of placed) chars[p.quarter] += p.r.str.length;
  const main = chars.indexOf(maxOf(chars));
  const [cos, sin] = DIRECTIONS[main];
  return placed
    .filter((p) => p.quarter === main && p.skew < 0.02)
    .map(({ r, m }) => ({
      str: r.str,
      x: m[4] * cos + m[5] * sin,
      y: -m[4] * sin + m[5] * cos,
      w: r.width,
      size: Math.hypot(m[2], m[3]),
    }));
}

function multiply(a: number[], b: number[]): number[] {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

export function buildLines(items: Item[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((p, q) => p.y - q.y || p.x - q.x);
  const groups: Item[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(it.y - g[0].y) <= SAME_LINE * Math.min(it.size, g[0].size)) g.push(it);
    else groups.push([it]);
  }
  return groups.map(toLine);
}

function toLine(items: Item[]): Line {
  items.sort((p, q) => p.x - q.x);
  const size = maxOf(items.map((i) => i.size));
  const segments: Segment[] = [];
  let seg: Segment | undefined;
  let prev: Item | undefined;
  for (const it of items) {
    // Some producers fake bold by drawing the same run twice, a hair apart.
    if (prev && prev.str === it.str && Math.abs(prev.x - it.x) < 0.3 * it.size) continue;
    const x1 = it.x + (it.w > 0 ? it.w : it.str.length * it.size);
    const gap = seg ? it.x - seg.x1 : 0;
    if (!seg || gap >= CELL_GAP * size) {
      seg = { x0: it.x, x1, text: it.str };
      segments.push(seg);
    } else {
      const last = seg.text.trimEnd().slice(-1);
      const first = it.str.trimStart().charAt(0);
      const space = gap > WORD_GAP * size && !(isCjk(last) && isCjk(first));
      seg.text += space ? ` ${it.str}` : it.str;
      seg.x1 = Math.max(seg.x1, x1);
    }
    prev = it;
  }
  for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
  const text = segments.map((s) => s.text).join(isSpacedOut(segments) ? '' : ' ');
  return { y: items[0].y, size, x0: segments[0].x0, x1: segments[segments.length - 1].x1, segments, text };
}

/** A title set with wide letter spacing ("工 作 要 点") splits into one-character segments. */
export function isSpacedOut(segments: Segment[]): boolean {
  return segments.length > 1 && segments.every((s) => [...s.text].length === 1 && isCjk(s.text));
}
