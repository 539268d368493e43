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
 * In two steps, so that a batch keeps its one SQLite writer busy: `commitResult` is the writer's
 * (one at a time), `publishJson` may overlap the next file's commit (paths in a batch are distinct).
 */
export async function publishResult(store: Store, outDir: string, result: SourceResult): Promise<void> {
  await publishJson(outDir, await commitResult(store, result));
}

export interface Committed {
  id: string;
  json: string;
  /** Ids of earlier versions of the same path, whose JSON files go once this one is published. */
  replaced: string[];
}

export async function commitResult(store: Store, result: SourceResult): Promise<Committed> {
  const json = prepareResultJson(result);
  try {
    return { id: result.source.id, json, replaced: await store.put(result) };
  } catch (err) {
    throw new FileError('store_failed', `could not write to the database: ${(err as Error).message}`, { cause: err });
  }
}

export async function publishJson(outDir: string, committed: Committed): Promise<void> {
  await writeResultJson(outDir, committed.id, committed.json);
  await Promise.all(committed.replaced.map((id) => rm(join(outDir, 'json', `${id}.json`), { force: true })));
}
