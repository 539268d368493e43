import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SourceResult } from '../../schemas/index.js';
import { FileError } from '../../schemas/errors.js';

/**
 * Validate a result against the contract and serialise it; a result that fails is this file's
 * `invalid_output`, found before anything is written.
 */
export function prepareResultJson(result: SourceResult): string {
  const checked = SourceResult.safeParse(result);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new FileError('invalid_output', `output failed the schema at ${first?.path.join('.')}: ${first?.message}`, { cause: checked.error });
  }
  return JSON.stringify(checked.data, null, 2) + '\n';
}

/** Write where a reader only ever sees a whole file: a temporary file beside it, then a rename. */
export async function writeResultJson(outDir: string, sourceId: string, json: string): Promise<string> {
  const target = join(outDir, 'json', `${sourceId}.json`);
  await writeAtomic(target, json);
  return target;
}

export async function writeAtomic(target: string, content: string | Uint8Array): Promise<void> {
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
