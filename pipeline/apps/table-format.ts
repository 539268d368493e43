import { UsageError } from '../../schemas/errors.js';

/**
 * Tabular output shared by the read commands (compare, search, similar, query): an aligned text
 * table for people, CSV for spreadsheets, JSON for programs. Every command prints rows of plain
 * values; this is the only place that knows the three shapes.
 */
export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export type Cell = string | number | boolean | null | undefined;
export type Row = Record<string, Cell>;

export function parseFormat(command: string, value: unknown): Format {
  if (typeof value === 'string' && (FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`${command}: --format must be one of ${FORMATS.join(', ')} (got '${String(value)}')`);
}

/** A titled table: one section of a command's answer. */
export interface Table {
  title: string;
  columns: string[];
  rows: Row[];
}

export function render(tables: Table[], format: Format): string {
  if (format === 'json') {
    const body = tables.length === 1 ? tables[0]!.rows : Object.fromEntries(tables.map((t) => [t.title, t.rows]));
    return JSON.stringify(body, null, 2) + '\n';
  }
  if (format === 'csv') {
    // One CSV is one table; several sections are separated by a blank line and a "# title" line,
    // which spreadsheet imports skip and `--section` avoids altogether.
    return tables
      .map((t) => (tables.length > 1 ? `# ${t.title}\n` : '') + toCsv(t))
      .join('\n');
  }
  return tables.map((t) => (tables.length > 1 ? `${t.title}\n` : '') + toText(t)).join('\n');
}

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3);
  return String(v);
}

export function toCsv(t: Table): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [t.columns.map(quote).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => quote(cellText(r[c]))).join(','));
  return lines.join('\n') + '\n';
}

function toText(t: Table): string {
  if (t.rows.length === 0) return '(none)\n';
  const cells = t.rows.map((r) => t.columns.map((c) => cellText(r[c]).replace(/\s+/g, ' ')));
  const numeric = t.columns.map((c) => t.rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'));
  const widths = t.columns.map((c, k) => Math.max(displayWidth(c), ...cells.map((row) => displayWidth(row[k]!))));
  const line = (values: string[]) =>
    values
      .map((v, k) => (numeric[k] ? pad(v, widths[k]!, 'left') : k === values.length - 1 ? v : pad(v, widths[k]!, 'right')))
      .join('  ')
      .trimEnd();
  return [line(t.columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

function pad(s: string, width: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return side === 'left' ? fill + s : s + fill;
}

/**
 * Columns a string takes in a terminal: Han characters, full-width forms and other East Asian wide
 * characters take two, so Chinese columns line up.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(/\x1b\[[0-9;]*m/g, '')) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

/** Cut a string to at most `width` display columns, marking the cut. */
export function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}
