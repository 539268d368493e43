import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceResult } from '../../schemas/index.js';
import { FileError } from '../../schemas/errors.js';
import type { Store } from './store.js';
import { prepareResultJson, writeResultJson } from './write-json.js';

/**
 * The store stage: one source's result into the database and its JSON file. Validated before
 * anything is touched, rows committed, then the JSON published by rename, then the JSON of
 * results it replaced (same path, other content) removed: a file that fails leaves neither behind,
 * and a run killed between the commit and the rename is finished by running it again.
 * One writer: callers run this for one result at a time.
 */
export async function publishResult(store: Store, outDir: string, result: SourceResult): Promise<void> {
  const json = prepareResultJson(result);
  let replaced: string[];
  try {
    replaced = await store.put(result);
  } catch (err) {
    throw new FileError('store_failed', `could not write to the database: ${(err as Error).message}`, { cause: err });
  }
  await writeResultJson(outDir, result.source.id, json);
  await Promise.all(replaced.map((id) => rm(join(outDir, 'json', `${id}.json`), { force: true })));
}
