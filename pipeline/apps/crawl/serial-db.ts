/**
 * The crawl state's connection, one statement at a time. node-sqlite3 slows down faster than
 * quadratically with the statements waiting on one connection (10,000 lookups sent at once took
 * 24 s, the same sent one after another 2.6 s), and the URLs of a page start their visits together,
 * as do the sources of a run. SQLite runs one statement at a time on a connection anyway.
 */
import type { Db } from '../../store/db.js';

export class SerialDb {
  /** Settles when the last statement sent has; never rejects. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Db) {}

  run(sql: string, params: unknown[] = []): Promise<void> {
    return this.next(() => this.db.run(sql, params));
  }

  get<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return this.next(() => this.db.get<T>(sql, params));
  }

  all<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.next(() => this.db.all<T>(sql, params));
  }

  /** After what was sent before has finished. */
  close(): Promise<void> {
    return this.next(() => this.db.close());
  }

  private next<T>(statement: () => Promise<T>): Promise<T> {
    const result = this.turn.then(statement);
    this.turn = result.catch(() => undefined);
    return result;
  }
}
