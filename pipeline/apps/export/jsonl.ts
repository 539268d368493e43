import { fileEachTable } from './_per-table.js';
import type { ExportWriter } from './writer.js';

/** JSON lines: one object per line, exactly as SQLite built it (UTF-8, no byte-order mark). */
export function jsonlWriter(dir: string): ExportWriter {
  return fileEachTable(dir, 'jsonl', 'lines', async (file) => (lines) => file.writeLines(lines));
}
