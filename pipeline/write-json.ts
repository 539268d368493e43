import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SourceResult } from '../schemas/index.js';
import { FileError } from './errors.js';

/**
 * Validate a result against the contract and write it where a reader will only ever see a whole
 * file: write a temporary file beside the target, then rename over it (atomic on one filesystem).
 */
export async function writeResultJson(outDir: string, result: SourceResult): Promise<string> {
  const checked = SourceResult.safeParse(result);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new FileError('invalid_output', `output failed the schema at ${first?.path.join('.')}: ${first?.message}`, { cause: checked.error });
  }
  const target = join(outDir, 'json', `${result.source.id}.json`);
  await writeAtomic(target, JSON.stringify(checked.data, null, 2) + '\n');
  return target;
}

export async function writeAtomic(target: string, content: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
