import type { Line } from '../../text/lines.js';
import { scheduleMonthsInCell } from '../items/months.js';
import type { SegItem, SegSection, TableCellHints } from '../types.js';
import { maxOf } from '../../text/arrays.js';

/**
 * Tables in plans come in two shapes: agenda tables whose rows are meetings (a month cell and a
 * cell holding several numbered topics, each ending in a committee abbreviation such as （财）), and
 * task tables whose rows are items (序号 | 内容 | 时间 | 责任单位). Both arrive as Markdown-like rows
 * "| a | b |" from every extractor.
 */

interface Cell {
  text: string;
  start: number;
  end: number;
}

type Role = 'time' | 'content' | 'lead' | 'seq' | 'other';

const ROLE_HEADERS: Array<[Role, RegExp]> = [
  ['seq', /^(序号|编号|序)$/],
  ['time', /(时间|月份|日期|会期|进度)/],
  ['lead', /(责任|牵头|承办|负责|主办|单位|委室|初审|专委)/],
  ['content', /(议题|内容|项目|事项|名称|工作|任务)/],
];

// Normalisation removes the space extractors put between entries ("报告 2.开展" → "报告2.开展"), so
// a number may follow a Chinese character; the 1, 2, 3… sequence check below keeps this safe.
const INLINE_MARKER = /(?:^|(?<=[\s；;。，,）\u4e00-\u9fff]))(\d{1,2})\s*(?:[、，．]|\.(?!\d)|\.(?=\d{1,2}\s*月))\s*/g;
const TRAILING_ABBREV = /（([\u4e00-\u9fff]{1,3})）[；;。，,]?\s*$/;

export function segmentTable(
  rows: Line[],
  prefix: string,
  ordinalBefore: number,
  context: string[],
): { sections: SegSection[]; items: SegItem[]; ordinal: number } {
  const parsed = rows.map(parseRow).filter((cells) => !cells.every((c) => /^:?-{2,}:?$/.test(c.text) || c.text === ''));
  if (parsed.length === 0) return { sections: [], items: [], ordinal: ordinalBefore };
  const header = parsed[0];
  let roles = header.map((c) => roleOf(c.text));
  const hasHeader = roles.some((r) => r !== 'other');
  const data = hasHeader ? parsed.slice(1) : parsed;
  if (!hasHeader) roles = guessRoles(data);
  // A copied web table loses its "序号" header cell to a line of its own: the rows are one cell wider
  // than the header, and their first cell counts 1, 2, 3.
  else if (!roles.includes('seq') && countsRows(data) && maxOf(data.map((r) => r.length)) > header.length) roles = ['seq', ...roles];
  const col = (role: Role) => roles.indexOf(role);
  // A plan may give two dates (sent for review, put to the committee) and two leads (the drafting
  // unit, the congress committee that reviews it first): each is read.
  const cols = (role: Role) => roles.flatMap((r, k) => (r === role ? [k] : []));
  const contentCol = col('content') >= 0 ? col('content') : widestColumn(data);

  const sections: SegSection[] = [];
  const items: SegItem[] = [];
  let ordinal = ordinalBefore;
  for (const row of data) {
    const content = row[contentCol];
    if (!content || !content.text) continue;
    const time = col('time') >= 0 ? row[col('time')] : undefined;
    const months = [...new Set(cols('time').flatMap((k) => (row[k] ? scheduleMonthsInCell(row[k].text) : [])))].sort((a, b) => a - b);
    const leads = cols('lead').map((k) => row[k]?.text ?? '').filter(Boolean);
    const pieces = splitCell(content);
    const rowHints: TableCellHints = {};
    if (cols('time').length) rowHints.months = months;
    if (leads.length) rowHints.leads = leads;

    ordinal++;
    const rowPath = prefix ? `${prefix}.${ordinal}` : String(ordinal);
    if (pieces.length > 1) {
      const title = time?.text || row.find((c) => c !== content)?.text || `第${ordinal}行`;
      sections.push({ path: rowPath, title, declaredCount: null });
      pieces.forEach((p, k) => items.push(toItem(p, `${rowPath}.${k + 1}`, [...context, title], rowHints)));
    } else {
      const seq = col('seq') >= 0 ? row[col('seq')]?.text : undefined;
      const piece = pieces[0] ?? { number: null, start: content.start, end: content.end, text: content.text };
      items.push(toItem({ ...piece, number: piece.number ?? seq ?? null }, rowPath, context, rowHints));
    }
  }
  return { sections, items, ordinal };
}

function toItem(p: Piece, path: string, context: string[], rowHints: TableCellHints): SegItem {
  const hints: TableCellHints = { ...rowHints };
  const abbrev = TRAILING_ABBREV.exec(p.text);
  if (abbrev && !hints.leads) hints.committeeAbbrev = abbrev[1];
  return { path, number: p.number, span: [p.start, p.end], context, hints };
}

function parseRow(line: Line): Cell[] {
  const cells: Cell[] = [];
  const t = line.text;
  // A copied web table's row has no pipe before its first cell.
  let i = t.trimStart().startsWith('|') ? t.indexOf('|') + 1 : 0;
  while (i < t.length) {
    const j = t.indexOf('|', i);
    if (j < 0) break;
    let s = i;
    let e = j;
    while (s < e && t[s] === ' ') s++;
    while (e > s && t[e - 1] === ' ') e--;
    cells.push({ text: t.slice(s, e), start: line.start + s, end: line.start + e });
    i = j + 1;
  }
  return cells;
}

function roleOf(text: string): Role {
  // Headers are short; "提请市人大常委会审议时间" is about as long as they get.
  for (const [role, re] of ROLE_HEADERS) if (re.test(text) && [...text].length <= 12) return role;
  return 'other';
}

/** The rows' first cells count 1, 2, 3… (rows of a sub-heading, with one cell filled, aside). */
function countsRows(rows: Cell[][]): boolean {
  const full = rows.filter((r) => r.filter((c) => c.text).length >= 2);
  return full.length >= 2 && full.every((r, k) => r[0]?.text === String(k + 1));
}

function guessRoles(rows: Cell[][]): Role[] {
  const width = maxOf(rows.map((r) => r.length));
  return Array.from({ length: width }, (_, k) => {
    const cells = rows.map((r) => r[k]?.text ?? '');
    if (cells.every((c) => /^\d{1,3}$/.test(c))) return 'seq';
    if (cells.filter((c) => /^\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月/.test(c)).length >= cells.length / 2) return 'time';
    return 'other';
  });
}

function widestColumn(rows: Cell[][]): number {
  const width = maxOf(rows.map((r) => r.length));
  let best = 0;
  let bestLen = -1;
  for (let k = 0; k < width; k++) {
    const len = rows.reduce((n, r) => n + (r[k]?.text.length ?? 0), 0);
    if (len > bestLen) [best, bestLen] = [k, len];
  }
  return best;
}

interface Piece {
  number: string | null;
  text: string;
  start: number;
  end: number;
}

/** Split a cell holding "1. … 2. … 3. …" into its numbered entries, in order. */
function splitCell(cell: Cell): Piece[] {
  const marks = [...cell.text.matchAll(INLINE_MARKER)];
  // Numbers must count up from 1, or "2022年" and "3项" would split a single topic.
  const seq: RegExpMatchArray[] = [];
  for (const m of marks) if (Number(m[1]) === seq.length + 1) seq.push(m);
  if (seq.length < 2) return [{ number: null, text: cell.text, start: cell.start, end: cell.end }];
  return seq.map((m, k) => {
    const from = (m.index ?? 0) + m[0].length;
    let to = k + 1 < seq.length ? (seq[k + 1].index ?? cell.text.length) : cell.text.length;
    while (to > from && cell.text[to - 1] === ' ') to--;
    return { number: m[0].trim(), text: cell.text.slice(from, to), start: cell.start + from, end: cell.start + to };
  });
}
