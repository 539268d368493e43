/**
 * Tables. Plans publish their agenda (议题安排表) as tables, and old CMS templates lay whole pages
 * out with them; only the first kind becomes pipe rows, the second is read like <div>s.
 */
import type { AnyNode, Element } from 'domhandler';
import { maxOf } from '../pipeline/text/arrays.js';

const isEl = (n: AnyNode): n is Element => n.type === 'tag';
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** The table's own rows, not those of tables nested in its cells. */
export function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (!isEl(c)) continue;
    if (c.name === 'tr') rows.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') {
      for (const r of c.children) if (isEl(r) && r.name === 'tr') rows.push(r);
    }
  }
  return rows;
}

const cellsOf = (row: Element): Element[] => row.children.filter((c): c is Element => isEl(c) && (c.name === 'td' || c.name === 'th'));

function hanCount(n: AnyNode): number {
  if (n.type === 'text') return ((n as { data: string }).data.match(HAN) ?? []).length;
  if (!isEl(n)) return 0;
  let k = 0;
  for (const c of n.children) k += hanCount(c);
  return k;
}

function hasNestedTable(n: Element): boolean {
  return n.children.some((c) => isEl(c) && (c.name === 'table' || hasNestedTable(c)));
}

/**
 * A data table has rows and columns of comparable cells. Layout tables give themselves away by
 * nesting tables, by having a single column, or by one cell holding most of the text.
 */
export function isDataTable(table: Element): boolean {
  const rows = rowsOf(table);
  if (rows.length < 2) return false;
  const cells = rows.map(cellsOf);
  if (maxOf(cells.map((c) => c.length)) < 2) return false;
  if (hasNestedTable(table)) return false;
  const counts = cells.flat().map(hanCount);
  const total = counts.reduce((a, b) => a + b, 0);
  return !(total > 200 && maxOf(counts) > total * 0.7);
}

const span = (cell: Element, attr: string): number => {
  const n = parseInt(cell.attribs[attr] ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 50) : 1;
};

/**
 * Pipe rows, header rule after the first real row. A rowspan repeats its text in the rows it
 * covers, so every row stays readable on its own (the month column of an agenda usually spans
 * several topic rows); colspans fill with empty cells to keep columns aligned. A row that is one
 * cell across the whole table (a caption such as "2023年议题安排表") stays a plain line.
 */
export function renderTable(table: Element, cellText: (cell: Element) => string): string[] {
  const grid: string[][] = [];
  const pending = new Map<number, { text: string; left: number }>();
  const takePending = (row: string[]): void => {
    for (let p = pending.get(row.length); p; p = pending.get(row.length)) {
      row.push(p.text);
      if (--p.left === 0) pending.delete(row.length - 1);
    }
  };
  const wide: boolean[] = [];
  for (const tr of rowsOf(table)) {
    const row: string[] = [];
    const cells = cellsOf(tr);
    for (const cell of cells) {
      takePending(row);
      const text = cellText(cell);
      const cs = span(cell, 'colspan');
      const rs = span(cell, 'rowspan');
      for (let k = 0; k < cs; k++) {
        if (rs > 1) pending.set(row.length, { text: k === 0 ? text : '', left: rs - 1 });
        row.push(k === 0 ? text : '');
      }
    }
    takePending(row);
    if (row.every((c) => !c)) continue;
    grid.push(row);
    wide.push(cells.length === 1 && !pending.size);
  }
  const width = Math.max(0, maxOf(grid.map((r) => r.length)));
  const out: string[] = [];
  let headerDone = false;
  grid.forEach((row, i) => {
    if (wide[i] && row.filter(Boolean).length === 1) {
      out.push(row[0]);
      return;
    }
    while (row.length < width) row.push('');
    out.push(`| ${row.join(' | ')} |`);
    if (!headerDone) {
      out.push(`|${'---|'.repeat(width)}`);
      headerDone = true;
    }
  });
  return out;
}
