/**
 * Tables from geometry alone. A table shows up as lines whose text breaks into segments with wide
 * gaps between them; the gaps that all those lines share are the column separators. Lines whose
 * segments never straddle a separator (wrapped cell text, a month label centred in its cell)
 * belong to the table too. No ruling lines are read: ruled and unruled tables come out alike.
 */
import { isSpacedOut, joinText, type Line } from './_pdf-lines.js';
import { startsWithMarker } from './_pdf-paragraphs.js';
import { maxOf, minOf } from '../pipeline/text/arrays.js';

/** The free space between two columns, narrowed by every row that has text on both sides. */
export interface Separator {
  lo: number;
  hi: number;
}

export interface Table {
  /** Index of the first and last line of the page that belong to the table. */
  first: number;
  last: number;
  rows: string[][];
  /** Continues a table from the previous page (its first row is not a header). */
  continued: boolean;
  separators: Separator[];
  /** Font size of the table's last line. */
  size: number;
}

/** Lines of a table more than this far apart (× font size) are not the same table. */
const MAX_ROW_STEP = 3;
/** How far (× font size) a lone line may reach into a separator: centred labels vary in width. */
const INTRUDE = 0.5;

const isRowLine = (l: Line) => l.segments.length > 1 && !isSpacedOut(l.segments);
const mid = (s: Separator) => (s.lo + s.hi) / 2;

/**
 * A row line fits when none of its segments spans a separator (its own gaps then narrow them).
 * A line of one segment must also keep out of the separators: cell text starts where its
 * column starts, while a body line that merely fails to reach across the gap starts anywhere.
 */
function fits(line: Line, seps: Separator[]): boolean {
  if (isRowLine(line)) return line.segments.every((g) => seps.every((s) => !(g.x0 < s.lo && g.x1 > s.hi)));
  const [g] = line.segments;
  const tol = INTRUDE * line.size;
  return seps.every((s) => g.x1 <= s.lo + tol || g.x0 >= s.hi - tol);
}

/** Narrow the separators by a row line's own gaps, adding gaps no separator covers yet. */
function narrow(seps: Separator[], line: Line): Separator[] {
  const gaps = line.segments.slice(1).map((g, i) => ({ lo: line.segments[i].x1, hi: g.x0 }));
  const out = seps.map((s) => {
    const g = gaps.find((g) => g.lo < s.hi && g.hi > s.lo);
    return g ? { lo: Math.max(s.lo, g.lo), hi: Math.min(s.hi, g.hi) } : s;
  });
  for (const g of gaps) if (!seps.some((s) => g.lo < s.hi && g.hi > s.lo)) out.push(g);
  return out.sort((a, b) => a.lo - b.lo);
}

const column = (x0: number, x1: number, seps: Separator[]) => seps.filter((s) => mid(s) < (x0 + x1) / 2).length;

/** Neighbouring lines of one table: near each other and in one font size (a title above is not). */
const close = (a: Line, b: Line) =>
  Math.abs(b.y - a.y) <= MAX_ROW_STEP * Math.max(a.size, b.size) &&
  Math.abs(a.size - b.size) <= 0.2 * Math.max(a.size, b.size);

/**
 * Find the tables on one page. `carried` is the table that ran to the bottom of the previous
 * page: lines at the top of this page that fit its separators, in its font size, continue it.
 */
export function findTables(lines: Line[], carried?: { separators: Separator[]; size: number }): Table[] {
  const tables: Table[] = [];
  let from = 0;
  if (carried) {
    const sameSize = (l: Line) => Math.abs(l.size - carried.size) <= 0.2 * carried.size;
    let last = -1;
    let seps = carried.separators;
    while (
      last + 1 < lines.length &&
      fits(lines[last + 1], seps) &&
      (last < 0 ? sameSize(lines[0]) : close(lines[last], lines[last + 1]))
    ) {
      last++;
      if (isRowLine(lines[last])) seps = narrow(seps, lines[last]);
    }
    const t = last >= 0 ? trim(lines, 0, last, seps, true) : undefined;
    if (t) tables.push(t);
    from = t ? t.last + 1 : 0;
  }
  for (let i = from; i < lines.length; i++) {
    if (!isRowLine(lines[i])) continue;
    let seps = narrow([], lines[i]);
    let last = i;
    while (last + 1 < lines.length && close(lines[last], lines[last + 1]) && fits(lines[last + 1], seps)) {
      last++;
      if (isRowLine(lines[last])) seps = narrow(seps, lines[last]);
    }
    // Cell text above the first row line: a label centred in a tall cell sits lower than the
    // first line of its neighbour.
    let first = i;
    while (first - 1 >= from && close(lines[first - 1], lines[first]) && fits(lines[first - 1], seps)) first--;
    const t = trim(lines, first, last, seps, false);
    if (t) {
      tables.push(t);
      from = t.last + 1;
      i = t.last;
    }
  }
  return tables;
}

/**
 * Drop lines at either end that only touch the first column (a short note above or below the
 * table); keep the table if a row line is left, or if it continues one from the previous page.
 */
function trim(lines: Line[], first: number, last: number, seps: Separator[], continued: boolean): Table | undefined {
  const firstColumnOnly = (l: Line) => l.segments.every((g) => column(g.x0, g.x1, seps) === 0);
  while (first < last && firstColumnOnly(lines[first])) first++;
  while (last > first && firstColumnOnly(lines[last])) last--;
  const part = lines.slice(first, last + 1);
  if (!continued && (part.length < 2 || !part.some(isRowLine))) return undefined;
  return { first, last, rows: toRows(part, seps), continued, separators: seps, size: lines[last].size };
}

/**
 * Split the table's lines into rows. Cells are padded, so the step between two rows is larger
 * than the step between two lines of one cell; the column with the most lines shows it best.
 * When every step is the same there is no padding to go by, and a row starts wherever the first
 * column has text.
 */
function toRows(lines: Line[], seps: Separator[]): string[][] {
  const ncol = seps.length + 1;
  const counts = new Array<number>(ncol).fill(0);
  for (const l of lines) for (const g of l.segments) counts[column(g.x0, g.x1, seps)]++;
  const main = counts.indexOf(maxOf(counts));
  const mainLines = lines.filter((l) => l.segments.some((g) => column(g.x0, g.x1, seps) === main));
  const steps = mainLines.slice(1).map((l, i) => l.y - mainLines[i].y);
  const pitch = minOf(steps);
  const breaks: number[] = []; // y positions where a new row starts
  const rowStep = pitch + Math.max(1.5, 0.08 * pitch);
  if (steps.some((s) => s > rowStep)) {
    steps.forEach((s, i) => {
      if (s > rowStep) breaks.push((mainLines[i].y + mainLines[i + 1].y) / 2);
    });
  } else {
    for (const l of lines.slice(1)) {
      if (l.segments.some((g) => column(g.x0, g.x1, seps) === 0)) breaks.push(l.y - 0.1);
    }
  }
  const rows: string[][][] = Array.from({ length: breaks.length + 1 }, () => Array.from({ length: ncol }, () => []));
  for (const l of lines) {
    const r = breaks.filter((b) => b < l.y).length;
    for (const g of l.segments) rows[r][column(g.x0, g.x1, seps)].push(g.text);
  }
  return rows.map((cells) => cells.map(joinCell));
}

/** A cell's lines join like a paragraph, but numbered items inside it stay apart by a space. */
function joinCell(parts: string[]): string {
  return parts.reduce((acc, p) => (acc && startsWithMarker(p) ? `${acc} ${p}` : joinText(acc, p)), '');
}

export function renderRows(t: Table): string[] {
  // A bar inside a cell would split it for every row parser; the full-width bar reads the same.
  const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`;
  const out = t.rows.map(row);
  // A header row needs a rule under it to read as a Markdown table.
  if (!t.continued && out.length > 0) out.splice(1, 0, row(t.rows[0].map(() => '---')));
  return out;
}
