/**
 * The crawl's memory, kept in the same SQLite file as the ingested rows so that one file holds a
 * deployment: every URL a source has discovered, what happened the last time it was requested, the
 * validators for a conditional GET, the hash of the bytes, where they were saved, and whether those
 * bytes have been ingested. Each change is committed as it happens, so a run that is killed loses at
 * most the requests in flight, and the next run picks up from here; the links of one page are
 * recorded together, in one statement.
 */
import { Db } from '../../store/db.js';
import { SerialDb } from './serial-db.js';

export type UrlRole = 'list' | 'document';

/**
 * pending: discovered, not yet fetched (or the run stopped while fetching it);
 * ok: the last request succeeded (200 or 304); failed: it did not (see error_code);
 * robots: robots.txt forbids it; duplicate: the same bytes as another URL's (see duplicate_of).
 */
export type UrlStatus = 'pending' | 'ok' | 'failed' | 'robots' | 'duplicate';

export interface UrlRow {
  url: string;
  source_id: string;
  role: UrlRole;
  status: UrlStatus;
  http_status: number | null;
  etag: string | null;
  last_modified: string | null;
  sha256: string | null;
  path: string | null;
  kind: string | null;
  /** The URL that answered, after redirects: the base of the saved page's relative links. */
  final_url: string | null;
  discovered_at: string;
  fetched_at: string | null;
  changed_at: string | null;
  ingested_sha256: string | null;
  ingest_error: string | null;
  duplicate_of: string | null;
  error_code: string | null;
  error: string | null;
  attempts: number;
  /** List pages between a start page and this URL when it was first recorded; null before renda kept it. */
  depth: number | null;
}

/** A URL found on a page (or a start page), to be recorded and visited. */
export interface Discovered {
  url: string;
  role: UrlRole;
  depth: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS crawl_urls (
  url             TEXT PRIMARY KEY,
  source_id       TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('list', 'document')),
  status          TEXT NOT NULL CHECK (status IN ('pending', 'ok', 'failed', 'robots', 'duplicate')),
  http_status     INTEGER,
  etag            TEXT,
  last_modified   TEXT,
  sha256          TEXT,                 -- of the saved bytes
  path            TEXT,                 -- where they were saved, as ingested
  kind            TEXT,                 -- html, pdf, docx, doc, image, text: from the bytes
  final_url       TEXT,                 -- the URL that answered, after redirects
  discovered_at   TEXT NOT NULL,
  fetched_at      TEXT,                 -- last request that got an answer or gave up
  changed_at      TEXT,                 -- last time the bytes were new or different
  ingested_sha256 TEXT,                 -- the bytes last handed to ingest
  ingest_error    TEXT,                 -- how that failed, as 'code: message'; NULL when it did not
  duplicate_of    TEXT,
  error_code      TEXT,
  error           TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0, -- requests made for this URL, over all runs
  depth           INTEGER               -- list pages from a start page when first recorded (see maxListDepth)
);
CREATE INDEX IF NOT EXISTS crawl_urls_source ON crawl_urls (source_id, status);
CREATE INDEX IF NOT EXISTS crawl_urls_sha256 ON crawl_urls (sha256);

CREATE TABLE IF NOT EXISTS crawl_runs (
  id          INTEGER PRIMARY KEY,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  summary     TEXT                      -- the run summary as JSON; NULL for a run that was killed
);
`;

export class CrawlState {
  private readonly db: SerialDb;

  private constructor(db: Db) {
    this.db = new SerialDb(db);
  }

  static async open(path: string): Promise<CrawlState> {
    return new CrawlState(
      await Db.openShared(path, async (db) => {
        await db.exec(SCHEMA);
        await addDepth(db);
      }),
    );
  }

  /**
   * Record the URLs a page links to, and return their rows: one already known keeps its row (and
   * its first source, role and depth). One INSERT for the whole page, so one transaction: an INSERT
   * per link, each committed on its own, took minutes for a page of 100,000 links; this takes about
   * a second. Not BEGIN … COMMIT around a prepared INSERT: through node-sqlite3 that still takes
   * 8–11 s for 100,000 rows, and the sources of a run share this connection, so their writes would
   * land inside each other's transactions. Only the rows that were there before are read back: the
   * new ones hold nothing yet, and reading 100,000 rows costs more than writing them.
   */
  async discover(urls: readonly Discovered[], sourceId: string, now: string): Promise<Map<string, UrlRow>> {
    if (!urls.length) return new Map();
    const created = await this.db.all<{ url: string }>(
      `INSERT INTO crawl_urls (url, source_id, role, status, discovered_at, depth)
       SELECT value ->> 0, ?, value ->> 1, 'pending', ?, value ->> 2 FROM json_each(?)
       WHERE true -- without a WHERE, SQLite would read ON CONFLICT as the ON of a join
       ON CONFLICT (url) DO NOTHING RETURNING url`,
      [sourceId, now, JSON.stringify(urls.map((u) => [u.url, u.role, u.depth]))],
    );
    const isNew = new Set(created.map((r) => r.url));
    const known = urls.filter((u) => !isNew.has(u.url)).map((u) => u.url);
    const rows = known.length ? await this.db.all<UrlRow>('SELECT * FROM crawl_urls WHERE url IN (SELECT value FROM json_each(?))', [JSON.stringify(known)]) : [];
    const byUrl = new Map(rows.map((r) => [r.url, r]));
    for (const u of urls) if (isNew.has(u.url)) byUrl.set(u.url, newRow(u, sourceId, now));
    return byUrl;
  }

  /** URLs of a source that earlier runs discovered but did not finish (stopped, or over the limit). */
  pending(sourceId: string): Promise<Array<Pick<UrlRow, 'url' | 'role' | 'depth'>>> {
    return this.db.all(`SELECT url, role, depth FROM crawl_urls WHERE source_id = ? AND status = 'pending' ORDER BY discovered_at, url`, [sourceId]);
  }

  /** URLs of a source whose last request failed. */
  failed(sourceId: string): Promise<UrlRow[]> {
    return this.db.all(`SELECT * FROM crawl_urls WHERE source_id = ? AND status = 'failed' ORDER BY discovered_at, url`, [sourceId]);
  }

  /** Whether another URL's bytes are saved at `path`. */
  async pathOwner(path: string, except: string): Promise<string | undefined> {
    return (await this.db.get<{ url: string }>('SELECT url FROM crawl_urls WHERE path = ? AND url <> ? LIMIT 1', [path, except]))?.url;
  }

  /** Saved documents whose bytes are not (yet) in the database: killed before ingest, or ingest failed. */
  uningested(sourceId: string): Promise<Array<Pick<UrlRow, 'url' | 'source_id' | 'path' | 'sha256'>>> {
    return this.db.all(
      `SELECT url, source_id, path, sha256 FROM crawl_urls
       WHERE source_id = ? AND role = 'document' AND status = 'ok' AND path IS NOT NULL
         AND ifnull(ingested_sha256, '') <> sha256 ORDER BY url`,
      [sourceId],
    );
  }

  /** Another URL already holding these bytes, for content-hash dedupe. */
  async holderOf(sha256: string, except: string): Promise<string | undefined> {
    const row = await this.db.get<{ url: string }>(
      `SELECT url FROM crawl_urls WHERE sha256 = ? AND url <> ? AND status = 'ok' AND path IS NOT NULL ORDER BY discovered_at LIMIT 1`,
      [sha256, except],
    );
    return row?.url;
  }

  async update(url: string, fields: Partial<Omit<UrlRow, 'url' | 'discovered_at'>>): Promise<void> {
    const keys = Object.keys(fields) as Array<keyof typeof fields>;
    if (!keys.length) return;
    await this.db.run(`UPDATE crawl_urls SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE url = ?`, [...keys.map((k) => fields[k] ?? null), url]);
  }

  async addAttempts(url: string, n: number): Promise<void> {
    await this.db.run('UPDATE crawl_urls SET attempts = attempts + ? WHERE url = ?', [n, url]);
  }

  async startRun(now: string): Promise<number> {
    await this.db.run('INSERT INTO crawl_runs (started_at) VALUES (?)', [now]);
    const row = await this.db.get<{ id: number }>('SELECT last_insert_rowid() AS id');
    return row!.id;
  }

  async finishRun(id: number, now: string, summary: unknown): Promise<void> {
    await this.db.run('UPDATE crawl_runs SET finished_at = ?, summary = ? WHERE id = ?', [now, JSON.stringify(summary), id]);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** The row discover() inserts: pending, nothing known yet (the columns' defaults). */
function newRow(u: Discovered, sourceId: string, now: string): UrlRow {
  const unknown = { http_status: null, etag: null, last_modified: null, sha256: null, path: null, kind: null, final_url: null, fetched_at: null };
  const noOutcome = { changed_at: null, ingested_sha256: null, ingest_error: null, duplicate_of: null, error_code: null, error: null, attempts: 0 };
  return { url: u.url, source_id: sourceId, role: u.role, status: 'pending', discovered_at: now, depth: u.depth, ...unknown, ...noOutcome };
}

/** Databases from before maxListDepth have no depth column: added, NULL for the rows they hold. */
async function addDepth(db: Db): Promise<void> {
  const cols = await db.all<{ name: string }>('PRAGMA table_info(crawl_urls)');
  if (!cols.some((c) => c.name === 'depth')) await db.exec('ALTER TABLE crawl_urls ADD COLUMN depth INTEGER');
}
