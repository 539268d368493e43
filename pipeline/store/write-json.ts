import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { SourceResult } from '../../schemas/index.js';
import { FileError } from '../../schemas/errors.js';
import { processIsAlive } from './process-alive.js';

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
  // The writer's host and pid in the name: a later run on the same host can tell a dead writer's leftover
  // from a live one's (another host's, on a shared folder, is never touched).
  const tmp = `${target}.${HOST}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * The output folder made ready for a batch: json/ created, and temporary files whose writer died
 * (a run killed with SIGKILL between write and rename) removed, so a rerun leaves only whole files.
 * A temporary file of a live process (another batch writing here) is left alone.
 */
export async function prepareOutDir(outDir: string): Promise<void> {
  const json = join(outDir, 'json');
  await mkdir(json, { recursive: true });
  const swept = [json, outDir].map(async (dir) => {
    for (const name of await readdir(dir)) {
      const m = /\.([A-Za-z0-9_-]+)-(\d+)-[0-9a-f]{8}\.tmp$/.exec(name);
      if (m && m[1] === HOST && !processIsAlive(Number(m[2]))) await rm(join(dir, name), { force: true });
    }
  });
  await Promise.all(swept);
}

/** This host, as a temporary file's name can hold it. */
const HOST = hostname().replace(/[^A-Za-z0-9_]/g, '_') || 'host';

