import { stat } from 'node:fs/promises';
import { Db } from '../db.js';
import { UsageError } from '../../../schemas/errors.js';
import { StoreError } from '../store.js';
import { STORE_VERSION } from '../schema.js';

/** Where `ingest` writes and every read command looks, unless --db says otherwise. */
export const DEFAULT_DB = 'out/renda.sqlite';

/**
 * Open the database for reading only. SQLite enforces it (SQLITE_OPEN_READONLY, and query_only on
 * top), so nothing a read command runs, including a user's own SQL, can change the data. A missing
 * file is a usage error, never an empty database created by accident.
 */
export async function openForReading(path: string): Promise<Db> {
  const st = await stat(path).catch(() => null);
  if (!st?.isFile()) throw new UsageError(`--db: ${path} does not exist; run 'renda ingest <files> --out <dir>' first`);
  const db = await Db.open(path, 'ro').catch((err: unknown) => {
    throw new StoreError(`cannot open ${path}: ${(err as Error).message}`, { cause: err });
  });
  try {
    const row = await db
      .exec('PRAGMA query_only = ON; PRAGMA busy_timeout = 10000;')
      .then(() => db.get<{ user_version: number }>('PRAGMA user_version'))
      .catch((err: unknown) => {
        // SQLite opens lazily: a file that is not a database fails here, on its first read.
        throw new StoreError(`cannot read ${path}: ${(err as Error).message.replace(/^SQLITE_\w+: /, '')}`, { cause: err });
      });
    const version = row?.user_version ?? 0;
    if (version !== STORE_VERSION) {
      throw new StoreError(
        version === 0
          ? `${path} is not a renda database (no schema version)`
          : version < STORE_VERSION
          ? `${path} was written by an older renda (schema ${version}); run 'renda ingest' on it once to upgrade it to schema ${STORE_VERSION}`
          : `${path} has schema ${version}, newer than this renda (${STORE_VERSION})`,
      );
    }
    return db;
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}
