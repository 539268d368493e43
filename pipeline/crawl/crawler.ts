/**
 * One crawl run: for each source, read its list pages (start URLs, pages matching `follow`, and
 * pagination), save the documents and attachments they link to (matching `documents`) under
 * `<out>/raw/<host>/…`, then ingest what is new or changed with the same pipeline and database as
 * `renda ingest`.
 *
 * Incremental by design: a document fetched less than `recheckDays` ago is not requested at all;
 * an older one is asked for with its ETag / Last-Modified (a 304 costs no body), and bytes whose
 * hash did not change are not saved or ingested again. List pages are always re-requested
 * (conditionally), since that is where new plans appear. What earlier runs left pending or failed
 * is tried first; saved documents that never reached the database (a run killed before ingesting)
 * are ingested now.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../write-json.js';
import { ingest, DEFAULT_CONCURRENCY, type IngestSummary } from '../ingest.js';
import type { OcrOptions } from '../ocr-service.js';
import { withHeaderCharset } from './charset.js';
import { checkContent, extensionFor, KEEP_EXTENSIONS } from './content.js';
import { CrawlAborted, FetchError, PermanentError } from './errors.js';
import { headerCharset, headerOf } from './fetch.js';
import { Hosts } from './hosts.js';
import { isPaginationText, pageLinks } from './links.js';
import { acquireCrawlLock } from './lock.js';
import { rawPathFor } from './raw-path.js';
import { allowedHostsOf, type CrawlConfig, type CrawlSource } from './sources.js';
import { CrawlState, type UrlRole, type UrlRow } from './state.js';
import { emptySourceSummary, type CrawlSummary, type SourceSummary } from './summary.js';

export interface CrawlOptions {
  config: CrawlConfig;
  /** Output folder: raw/, json/ and renda.sqlite (rows and crawl state) go here. */
  out: string;
  /** Ingest new and changed documents after fetching. @default true */
  ingest?: boolean;
  ocr?: OcrOptions;
  /** Stops the run; what was in flight stays pending for the next run. */
  signal?: AbortSignal;
  /** One line per notable event (a failure, a new document), for the command line. */
  onEvent?: (event: CrawlEvent) => void;
  now?: () => Date;
}

export type CrawlEvent =
  | { type: 'saved'; sourceId: string; url: string; path: string; change: 'new' | 'changed' }
  | { type: 'failed'; sourceId: string; url: string; code: string; message: string }
  | { type: 'robots'; sourceId: string; url: string };

const DAY_MS = 86_400_000;

export async function crawl(options: CrawlOptions): Promise<CrawlSummary> {
  const started = performance.now();
  const now = () => (options.now?.() ?? new Date()).toISOString();
  await mkdir(options.out, { recursive: true });
  const lock = await acquireCrawlLock(options.out);
  const state = await CrawlState.open(join(options.out, 'renda.sqlite')).catch(async (err: unknown) => {
    await lock.release();
    throw err;
  });
  const hosts = new Hosts(options.config, options.signal);
  const summary: CrawlSummary = { sources: [], ingest: null, aborted: false, requests: 0, seconds: 0 };
  try {
    const runId = await state.startRun(now());
    // Sources run side by side; politeness is per host, shared through `hosts`.
    summary.sources = await Promise.all(options.config.sources.map((s) => new SourceRun(s, options, state, hosts, now).run()));
    summary.aborted = options.signal?.aborted ?? false;
    if (!summary.aborted && options.ingest !== false) summary.ingest = await ingestSaved(options, state, summary.sources);
    summary.requests = hosts.requests;
    summary.seconds = Math.round((performance.now() - started) / 10) / 100;
    if (!summary.aborted) await state.finishRun(runId, now(), summary);
    return summary;
  } finally {
    hosts.close();
    await state.close();
    await lock.release();
  }
}

class SourceRun {
  private readonly summary: SourceSummary;
  private readonly allowed: Set<string>;
  private readonly follow: RegExp[];
  private readonly documents: RegExp[];
  private readonly seen = new Set<string>();
  private readonly work: Array<Promise<void>> = [];
  private readonly starts: Set<string>;

  constructor(
    private readonly source: CrawlSource,
    private readonly options: CrawlOptions,
    private readonly state: CrawlState,
    private readonly hosts: Hosts,
    private readonly now: () => string,
  ) {
    this.summary = emptySourceSummary(source.id);
    this.allowed = allowedHostsOf(source);
    this.follow = source.follow.map((p) => new RegExp(p));
    this.documents = source.documents.map((p) => new RegExp(p));
    this.starts = new Set(source.start.map((u) => new URL(u).href));
  }

  async run(): Promise<SourceSummary> {
    for (const url of this.starts) await this.enqueue(url, 'list');
    for (const row of await this.state.unfinished(this.source.id)) await this.enqueue(row.url, row.role);
    // Work adds work (list pages discover more URLs): wait until a pass adds nothing new.
    for (let done = 0; done < this.work.length; ) {
      const batch = this.work.slice(done);
      done = this.work.length;
      await Promise.all(batch);
    }
    const startsRead = [...this.starts].filter((u) => this.readStarts.has(u)).length;
    this.summary.failedEntirely = startsRead === 0;
    return this.summary;
  }

  private readonly readStarts = new Set<string>();

  private async enqueue(url: string, role: UrlRole): Promise<void> {
    if (this.seen.has(url)) return;
    this.seen.add(url);
    await this.state.discover(url, this.source.id, role, this.now());
    if (this.seen.size > this.options.config.maxUrlsPerSource) {
      // Recorded as pending: the next run takes it up first.
      this.summary.deferred++;
      return;
    }
    this.work.push(this.visit(url, role).catch((err: unknown) => this.crashed(url, err)));
  }

  private async visit(url: string, role: UrlRole): Promise<void> {
    if (this.options.signal?.aborted) return;
    const target = new URL(url);
    const verdict = await this.hosts.robotsOf(target);
    if (verdict.unavailable) return this.fail(url, role, verdict.unavailable, 0);
    if (!verdict.rules.allows(target.pathname + target.search)) {
      this.summary.robots++;
      await this.state.update(url, { status: 'robots', error_code: null, error: null });
      this.options.onEvent?.({ type: 'robots', sourceId: this.source.id, url });
      return;
    }
    const row = (await this.state.get(url))!;
    const saved = row.path !== null && (await exists(row.path));
    if (role === 'document' && this.fresh(row) && (saved || row.status === 'duplicate')) {
      this.summary.unchanged++;
      this.summary.notRequested++;
      // Its attachments are still visited (each by its own freshness), from the saved copy.
      return this.discoverFromSaved(row);
    }
    const conditional = (row.status === 'ok' || row.status === 'duplicate') && saved ? { etag: row.etag, lastModified: row.last_modified } : undefined;
    const result = await this.hosts.get(target, {
      conditional,
      beforeRequest: async (hop) => {
        if (!this.allowed.has(hop.host)) {
          throw new PermanentError('redirect_outside', `redirected to ${hop.host}, which is not an allowed host of source '${this.source.id}'`);
        }
        if (hop.href !== url && !(await this.hosts.robotsOf(hop)).rules.allows(hop.pathname + hop.search)) {
          throw new PermanentError('redirect_robots', `redirected to ${hop.href}, which robots.txt disallows`);
        }
      },
    });
    await this.state.addAttempts(url, result.attempts);
    this.summary.retries += result.attempts - 1;
    if (!result.ok) return this.fail(url, role, result.error, result.attempts);
    const res = result.value;
    const fetched = { fetched_at: this.now(), http_status: res.status, error_code: null, error: null };
    if (role === 'list' && this.starts.has(url)) this.readStarts.add(url);

    if (res.status === 304) {
      await this.state.update(url, { ...fetched, status: row.status === 'duplicate' ? 'duplicate' : 'ok' });
      this.summary.notModified++;
      if (role === 'list') this.summary.listPages++;
      else this.summary.unchanged++;
      return this.discoverFromSaved(row);
    }

    const body = res.body!;
    const contentType = headerOf(res.headers, 'content-type');
    let kind;
    try {
      kind = checkContent(body, contentType, new URL(res.url), role);
    } catch (err) {
      if (err instanceof FetchError) return this.fail(url, role, err, result.attempts);
      throw err;
    }
    const bytes = kind === 'html' ? withHeaderCharset(body, headerCharset(contentType)) : body;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const validators = { etag: headerOf(res.headers, 'etag') ?? null, last_modified: headerOf(res.headers, 'last-modified') ?? null };
    this.summary.bytes += body.length;

    if (role === 'list') {
      this.summary.listPages++;
      // Saved too: a later 304 for this page must still yield its links.
      const path = saved && row.sha256 === sha256 ? row.path! : rawPathFor(join(this.options.out, 'raw'), new URL(res.url), '.html', KEEP_EXTENSIONS.html);
      if (path !== row.path || !saved) await writeAtomic(path, bytes);
      await this.state.update(url, { ...fetched, ...validators, status: 'ok', sha256, path, kind });
      return this.discoverFrom(bytes, res.url, role);
    }

    if (saved && row.sha256 === sha256) {
      this.summary.unchanged++;
      await this.state.update(url, { ...fetched, ...validators, status: 'ok' });
    } else {
      const holder = await this.state.holderOf(sha256, url);
      if (holder) {
        // The same bytes under another URL (a mirror link, a download.jsp alias): one copy is enough.
        this.summary.duplicates++;
        await this.state.update(url, { ...fetched, ...validators, status: 'duplicate', sha256, kind, duplicate_of: holder.url });
      } else {
        const path = rawPathFor(join(this.options.out, 'raw'), new URL(res.url), extensionFor(kind, bytes), KEEP_EXTENSIONS[kind]);
        await writeAtomic(path, bytes);
        const change = row.sha256 === null ? 'new' : 'changed';
        this.summary[change]++;
        await this.state.update(url, { ...fetched, ...validators, status: 'ok', sha256, path, kind, changed_at: this.now(), duplicate_of: null });
        this.options.onEvent?.({ type: 'saved', sourceId: this.source.id, url, path, change });
      }
    }
    // An article page may carry the plan as an attachment: its links that are documents are taken.
    if (kind === 'html') await this.discoverFrom(bytes, res.url, role);
  }

  /** The links of a page that was not downloaded again (fresh, or 304), from its saved copy. */
  private async discoverFromSaved(row: UrlRow): Promise<void> {
    if (row.kind !== 'html' || !row.path || !(await exists(row.path))) return;
    await this.discoverFrom(await readFile(row.path), row.url, row.role);
  }

  /** Queue the links of a page: documents always; list pages only from list pages. */
  private async discoverFrom(bytes: Uint8Array, pageUrl: string, from: UrlRole): Promise<void> {
    const page = new URL(pageUrl);
    // The saved bytes carry the header's charset (withHeaderCharset), so the page's own is enough.
    for (const link of pageLinks(bytes, pageUrl)) {
      const target = new URL(link.url);
      if (!this.allowed.has(target.host)) {
        this.summary.offsite++;
        continue;
      }
      if (this.documents.some((re) => re.test(link.url))) await this.enqueue(link.url, 'document');
      else if (from === 'list' && (this.follow.some((re) => re.test(link.url)) || isPageOf(link, target, page))) await this.enqueue(link.url, 'list');
    }
  }

  private async fail(url: string, role: UrlRole, err: FetchError, attempts: number): Promise<void> {
    this.summary.failed++;
    const message = err.message;
    this.summary.errors.push({ url, role, code: err.code, status: err.status ?? null, attempts, message });
    await this.state.update(url, { status: 'failed', fetched_at: this.now(), http_status: err.status ?? null, error_code: err.code, error: message });
    this.options.onEvent?.({ type: 'failed', sourceId: this.source.id, url, code: err.code, message });
  }

  /** A stop leaves the URL pending; anything else is a bug, recorded against the URL, never thrown. */
  private async crashed(url: string, err: unknown): Promise<void> {
    if (err instanceof CrawlAborted) return;
    const message = err instanceof Error ? err.message : String(err);
    this.summary.failed++;
    this.summary.errors.push({ url, role: 'document', code: 'internal_error', status: null, attempts: 0, message });
    await this.state.update(url, { status: 'failed', error_code: 'internal_error', error: message }).catch(() => undefined);
  }

  /** Fetched recently enough that it is not asked for again in this run. */
  private fresh(row: UrlRow): boolean {
    if (!row.fetched_at || (row.status !== 'ok' && row.status !== 'duplicate')) return false;
    const age = Date.parse(this.now()) - Date.parse(row.fetched_at);
    return age < this.options.config.recheckDays * DAY_MS;
  }
}

/**
 * A pagination link of the list being read ("下一页", "2", "尾页"): same host and folder as the
 * page, so that a "1 2 3" row elsewhere on the site does not lead the crawl away.
 */
function isPageOf(link: { text: string; url: string }, target: URL, page: URL): boolean {
  if (!isPaginationText(link.text) && link.text !== '') return false;
  if (link.text === '' && !/_\d+\.\w+$|index\.\w+$/.test(target.pathname)) return false;
  const folder = (u: URL) => u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
  return target.host === page.host && folder(target) === folder(page);
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/**
 * Ingest every saved document whose bytes the database does not hold yet, this run's and any an
 * interrupted run left behind, then record per URL which bytes were handed to ingest and how that
 * went (a file that fails to parse is not retried until its bytes change).
 */
async function ingestSaved(options: CrawlOptions, state: CrawlState, sources: SourceSummary[]): Promise<IngestSummary | null> {
  const pending = (await Promise.all(options.config.sources.map((s) => state.uningested(s.id)))).flat();
  const present = [];
  for (const p of pending) if (await exists(p.path!)) present.push(p);
  if (!present.length) return null;
  const summary = await ingest({ inputs: present.map((p) => p.path!), out: options.out, concurrency: DEFAULT_CONCURRENCY, ocr: options.ocr });
  const failures = new Map(summary.failures.map((f) => [f.path, f]));
  const bySource = new Map(sources.map((s) => [s.id, s]));
  for (const p of present) {
    const f = failures.get(p.path!);
    await state.update(p.url, { ingested_sha256: p.sha256, ingest_error: f ? `${f.code}: ${f.message}` : null });
    const row = await state.get(p.url);
    const s = row && bySource.get(row.source_id);
    if (s) f ? s.ingestFailed++ : s.ingested++;
  }
  return summary;
}
