import { join } from 'node:path';
import { TempFile } from './_file.js';
import type { Column, TableName } from './columns.js';
import type { BatchShape } from './rows.js';
import type { ExportWriter, WrittenFile } from './writer.js';

/**
 * A format that writes one file a table (`<table>.<ext>`): each file under its temporary name
 * until the whole export closes, then all published; on abort all discarded. The format says only
 * how a table's file begins (`open`) and how a batch is written into it.
 */
export function fileEachTable(
  dir: string,
  ext: string,
  shape: BatchShape,
  open: (file: TempFile, columns: Column[]) => Promise<(batch: Buffer) => Promise<void>>,
): ExportWriter {
  const files: TempFile[] = [];
  const written: WrittenFile[] = [];
  return {
    shape,
    async table(name: TableName, columns: Column[]) {
      const file = new TempFile(join(dir, `${name}.${ext}`));
      files.push(file);
      const write = await open(file, columns);
      return {
        write,
        async end() {
          await file.close();
          written.push({ path: file.path, tables: [name] });
        },
      };
    },
    async close() {
      for (const f of files) await f.publish();
      return written;
    },
    async abort() {
      for (const f of files) await f.discard();
    },
  };
}
