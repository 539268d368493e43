import type { Column, TableName } from './columns.js';
import type { BatchShape } from './rows.js';

/**
 * What every format implements. An export opens one writer, hands it each table in turn as
 * batches of JSON rows (`rows.ts`), and closes it; nothing is visible under the final file names
 * until `close()` succeeds, and `abort()` removes whatever was begun.
 */
export interface ExportWriter {
  /** The batches it takes (rows.ts). */
  shape: BatchShape;
  /** Begin a table. `rows` is its row count, known in advance (XLSX splits sheets by it). */
  table(name: TableName, columns: Column[], rows: number): Promise<TableWriter>;
  /** Finish every file; returns the paths written. */
  close(): Promise<WrittenFile[]>;
  abort(): Promise<void>;
}

export interface TableWriter {
  /** One batch of rows in the writer's shape, UTF-8. */
  write(batch: Buffer): Promise<void>;
  end(): Promise<void>;
}

export interface WrittenFile {
  path: string;
  tables: TableName[];
  /** What the user should know about the file (a table split over sheets, cells cut). */
  notes?: string[];
}

export const EXPORT_FORMATS = ['parquet', 'csv', 'xlsx', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A failure while writing that the user can act on; main prints its code (exit 1). */
export class ExportError extends Error {
  constructor(
    readonly code: 'export_failed' | 'write_failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExportError';
  }
}
