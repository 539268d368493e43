import type { Db } from '../db.js';

/**
 * An analyst's own SQL, on the read-only connection from openForReading. SQLite refuses any write
 * itself; this only turns its terse error into one that says why and what to do instead.
 */
export class QueryError extends Error {
  constructor(
    readonly code: 'read_only' | 'sql_error',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'QueryError';
  }
}

export async function runQuery(db: Db, sql: string): Promise<Record<string, unknown>[]> {
  try {
    return await db.all(sql);
  } catch (err) {
    const e = err as Error & { code?: string };
    if (e.code === 'SQLITE_READONLY' || /readonly|query_only|read-only/i.test(e.message)) {
      throw new QueryError(
        'read_only',
        `renda query is read-only and refused to change the database (${e.message.replace(/^SQLITE_\w+: /, '')}); ` +
          `to change data, re-run 'renda ingest', or copy the database and use the sqlite3 shell on the copy`,
        { cause: err },
      );
    }
    throw new QueryError('sql_error', e.message.replace(/^SQLITE_ERROR: /, ''), { cause: err });
  }
}
