/**
 * Lines → paragraphs. A PDF has no paragraphs, only lines broken wherever the text block ended.
 * A line runs on into the next when it reaches the right edge of the block and the next line
 * does not look like the start of something new (a first-line indent, a numbering marker, a
 * change of font size, a wider gap than the line spacing).
 */
import { joinText, type Line } from './_pdf-lines.js';

export interface Margins {
  left: number;
  right: number;
  /** Font size of the body text the edges were measured on. */
  size: number;
  /** How far short of `right` a line may end and still be full (points, at the body size). */
  slack: number;
}

export interface Paragraph {
  text: string;
  first: Line;
  last: Line;
  lines: number;
  /** x0 of the paragraph's second line: where its wrapped lines start. */
  wrapX0?: number;
}

// The pipeline's numbering grammar (一、 （一） 1. 1、 （1） 1） ① 一是 第一条 …), so a PDF paragraph
// and an item start alike.
import { startsWithMarker } from '../pipeline/text/markers.js';
export { startsWithMarker };

/** A numbered item only starts after the previous sentence ended: "（1）" or "二是" can also turn
 * up at the start of a wrapped line in the middle of a sentence. */
const ENDS_CLAUSE = /[。；;：:！!？?]$/;
/** Edges are clusters of line ends this wide (× font size). */
const EDGE_TOL = 0.25;
/** How far short of the right edge (× font size) a full line may stop: justified text ends flush;
 * ragged CJK text stops up to a character short when the next one may not open a line. */
const SLACK_JUSTIFIED = 0.5;
const SLACK_RAGGED = 1.5;
/** A first-line indent is at least this deep (× font size); Chinese documents indent by 2. */
const INDENT = 0.8;
/** Baselines further apart than this (× font size) are separated by paragraph spacing. */
const MAX_STEP = 2.6;
/** Lines needed at an edge before it counts as the block's edge. */
const MIN_LINES = 3;
/** A text block narrower than this (× font size) is a list of short lines, not a block. */
const MIN_WIDTH = 10;

/** Lines in another font (titles) are rarely justified: allow them a ragged end. */
export const reachesRight = (l: Line, m: Margins): boolean =>
  l.x1 >= m.right - (Math.abs(l.size - m.size) <= 0.15 * m.size ? m.slack : SLACK_RAGGED * l.size);
export const isIndented = (l: Line, m: Margins): boolean => l.x0 > m.left + INDENT * l.size;

/**
 * The text block's edges, from lines of the body font size: the left edge is the leftmost x that
 * several lines start at; the right edge is where most lines end (the odd line with hanging
 * punctuation pokes out further). Undefined when too few lines agree.
 */
export function measureMargins(lines: Line[]): Margins | undefined {
  const bySize = new Map<number, number>();
  for (const l of lines) bySize.set(l.size, (bySize.get(l.size) ?? 0) + l.text.length);
  const size = [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (size === undefined) return undefined;
  const tol = EDGE_TOL * size;
  const body = lines.filter((l) => Math.abs(l.size - size) <= 0.15 * size);
  const x0s = windows(body.map((l) => l.x0), tol);
  const left = x0s.find((w) => w.n >= MIN_LINES)?.x;
  const x1s = windows(body.map((l) => l.x1), tol);
  const edge = x1s.reduce((best, w) => (w.n > best.n ? w : best), { x: 0, n: 0, last: 0 });
  const right = edge.last;
  if (left === undefined || edge.n < MIN_LINES || right - left < MIN_WIDTH * size) return undefined;
  // Justified text: nearly every line that gets close to the edge ends on it.
  const close = x1s.filter((w) => w.x >= right - SLACK_RAGGED * size);
  const flush = close.filter((w) => w.x >= right - tol).length;
  // (OCR boxes end where the ink ends, a character's width either way: a scan's lines are never flush enough
  // to tell justified text, and a line a character short of the edge is still full.)
  const ocr = body.some((l) => l.ocr);
  const slack = (!ocr && flush >= 0.8 * close.length ? SLACK_JUSTIFIED : SLACK_RAGGED) * size;
  return { left, right, size, slack };
}

/** Each value in ascending order, with how many values lie within `tol` of it and the largest. */
function windows(values: number[], tol: number): { x: number; n: number; last: number }[] {
  const xs = [...values].sort((a, b) => a - b);
  let lo = 0;
  let hi = 0;
  return xs.map((x) => {
    while (xs[lo] < x - tol) lo++;
    while (hi < xs.length && xs[hi] <= x + tol) hi++;
    return { x, n: hi - lo, last: xs[hi - 1] };
  });
}

function runsOn(p: Paragraph, l: Line, m: Margins): boolean {
  const prev = p.last;
  if (!reachesRight(prev, m)) return false;
  if (ocrTitleWrap(p, l, m)) return true;
  if (Math.abs(l.size - prev.size) > 0.15 * prev.size) return false;
  if (l.y - prev.y > MAX_STEP * prev.size) return false;
  const home = p.wrapX0 ?? m.left;
  if (l.x0 > home + INDENT * l.size) {
    // A hanging indent: "1. …" at the margin, its wrapped lines aligned after the number.
    const hanging = p.lines === 1 && !isIndented(p.first, m) && startsWithMarker(p.first.text);
    // A title wider than the block wraps, and its last line is centred.
    const title = l.size > 1.15 * m.size && Math.abs(l.x0 - m.left - (m.right - l.x1)) <= l.size;
    if (!hanging && !title) return false;
  }
  // A numbered line starts a new item only where the block's paragraphs start: in a document that indents
  // them, a line at the margin after a full line is a wrapped one, marker or not ("…建议议程有5项：一是审议…；"
  // wrapping onto "二是审议…").
  if (isIndented(p.first, m) && !isIndented(l, m)) return true;
  return !(startsWithMarker(l.text) && ENDS_CLAUSE.test(prev.text));
}

/**
 * OCR boxes are as tall as their ink, not their font: a title's two lines come out anywhere from
 * the body's height to half as tall again (a line of digits or brackets is taller, one of plain
 * characters shorter), so a title set larger than the body cannot be told by its size. Its shape
 * tells it instead: a first line that starts at the margin (body paragraphs are indented), runs to
 * the right edge and ends no clause, then a short line centred under it that is not numbered (the
 * title's wider line spacing is measured against the larger of the two boxes).
 */
function ocrTitleWrap(p: Paragraph, l: Line, m: Margins): boolean {
  if (!l.ocr || !p.first.ocr || p.lines !== 1) return false;
  const first = p.first;
  if (isIndented(first, m) || ENDS_CLAUSE.test(first.text) || startsWithMarker(l.text)) return false;
  const size = Math.max(l.size, first.size);
  const centred = l.x0 > m.left + INDENT * size && Math.abs(l.x0 - m.left - (m.right - l.x1)) <= size;
  return centred && l.y - first.y <= MAX_STEP * size;
}

/** Group consecutive text lines of one page into paragraphs; without margins, a line is one. */
export function toParagraphs(lines: Line[], m: Margins | undefined): Paragraph[] {
  const out: Paragraph[] = [];
  for (const l of lines) {
    const p = out[out.length - 1];
    if (p && m && runsOn(p, l, m)) {
      p.text = joinText(p.text, l.text);
      p.wrapX0 ??= l.x0;
      p.last = l;
      p.lines++;
    } else {
      out.push({ text: l.text, first: l, last: l, lines: 1 });
    }
  }
  return out;
}
