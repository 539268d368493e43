import { LIST_SEPARATOR, type Column } from './columns.js';

export type Cell = string | number | boolean | null;

/**
 * A JSON row as flat cells for CSV and XLSX: lists joined by `;`, everything else as it is.
 * CSV turns the cells into text (booleans `true`/`false`, NULL an empty field); XLSX keeps numbers
 * and booleans as Excel numbers and booleans.
 */
export function cells(row: Record<string, unknown>, columns: Column[]): Cell[] {
  return columns.map((c) => {
    const v = row[c.name];
    if (v === null || v === undefined) return null;
    if (Array.isArray(v)) return v.join(LIST_SEPARATOR);
    return v as Cell;
  });
}
