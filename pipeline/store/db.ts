import sqlite3 from 'sqlite3';

/** A promise face on node-sqlite3's callbacks, with one connection per handle. */
export class Db {
  private constructor(private readonly db: sqlite3.Database) {}

  static open(path: string, mode: 'rw' | 'ro' = 'rw'): Promise<Db> {
    const flags = mode === 'ro' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(path, flags, (err) => (err ? reject(err) : resolve(new Db(db))));
    });
  }

  /**
   * A read-write connection shared with other renda processes (a crawl and an ingest, two runs):
   * it waits up to 10 s for another writer instead of failing — set first, before anything can
   * meet a lock — and uses WAL so readers do not block writers. `init` (schema) runs next; if
   * anything fails the connection is closed.
   */
  static async openShared(path: string, init: (db: Db) => Promise<void>): Promise<Db> {
    const db = await Db.open(path);
    try {
      await db.exec('PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL;');
      await init(db);
      return db;
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
  }

  run(sql: string, params: unknown[] = []): Promise<void> {
    return new Promise((resolve, reject) => this.db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  all<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
  }

  get<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => this.db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))));
  }

  /** Run `fn` inside BEGIN IMMEDIATE … COMMIT; any error rolls the whole transaction back. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.exec('BEGIN IMMEDIATE');
    try {
      const out = await fn();
      await this.exec('COMMIT');
      return out;
    } catch (err) {
      await this.exec('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}
