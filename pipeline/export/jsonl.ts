import { join } from 'node:path';
import { NEWLINE, TempFile } from './_file.js';
import type { ExportWriter, WrittenFile } from './writer.js';

/** JSON lines: one object per line, exactly as SQLite built it (UTF-8, no byte-order mark). */
export function jsonlWriter(dir: string): ExportWriter {
  const files: TempFile[] = [];
  const written: WrittenFile[] = [];
  return {
    shape: 'lines',
    async table(name) {
      const file = new TempFile(join(dir, `${name}.jsonl`));
      files.push(file);
      return {
        write: async (lines) => {
          await file.write(lines);
          await file.write(NEWLINE);
        },
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
