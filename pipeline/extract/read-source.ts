import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { checkLimit, DEFAULT_LIMITS, type Limits } from '../../extractors/limits.js';
import { FileError } from '../../schemas/errors.js';
import type { SourceFile } from '../../schemas/stages.js';

/**
 * The read stage: a file from this host's disk into memory, identified by its content. The size
 * comes from the file system first, so a file over the limit is never read.
 */
export async function readSource(path: string, limits: Limits = DEFAULT_LIMITS): Promise<SourceFile> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    checkLimit(limits, 'fileBytes', info.size);
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    if (err instanceof FileError) throw err;
    throw new FileError('read_failed', `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
  return sourceFile(path, bytes);
}

/** A file's bytes named by the path they were submitted under (also for bytes that came from another host). */
export function sourceFile(path: string, bytes: Uint8Array): SourceFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { path, bytes, sha256, id: sha256.slice(0, 16) };
}
