/**
 * One crawl run: for each source, read its list pages (start URLs, pages matching `follow`, and
 * pagination), save the documents and attachments they link to (matching `documents`) under
 * `<out>/raw/<host>/…`, then ingest what is new or changed with the same pipeline and database as
 * `renda ingest`.
 *
 * Incremental by design: a document fetched less than `recheckDays` ago is not requested at all;
 * an older one is asked for with its ETag / Last-Modified (a 304 costs no body), and bytes whose
 * hash did not change are not saved or ingested again. List pages are always re-requested
 * (conditionally), since that is where new plans appear. What earlier runs left pending is taken up
 * with the start pages, what failed after everything new; saved documents that never reached the
 * database (a run killed before ingesting) are ingested now.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../../store/write-json.js';
import { ingest, DEFAULT_CONCURRENCY, type IngestSummary } from '../../run/ingest.js';
import type { OcrOptions } from '../../extract/ocr-service.js';
import { withHeaderCharset } from './charset.js';
import { checkContent, extensionFor, KEEP_EXTENSIONS, type ContentKind } from './content.js';
import { CrawlAborted, FetchError, PermanentError } from './errors.js';
import { headerCharset, headerOf } from './fetch.js';
import { Hosts } from './hosts.js';
import { boundLinks } from './link-bounds.js';
import { isPaginationText, pageLinks, type PageLink } from './links.js';
import { acquireCrawlLock } from './lock.js';
import { rawPathFor, withUrlHash } from './raw-path.js';
import { allowedHostsOf, type CrawlConfig, type CrawlSource } from './sources.js';
import { CrawlState, type Discovered, type UrlRole, type UrlRow } from './state.js';
import { emptySourceSummary, type CrawlSummary, type CrawlWarning, type SourceSummary } from './summary.js';

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
  | { type: 'robots'; sourceId: string; url: string }
  | ({ type: 'warning'; sourceId: string } & CrawlWarning);

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
  const shared: RunShared = { hashes: new Map(), paths: new Map() };
  const summary: CrawlSummary = { sources: [], ingest: null, aborted: false, requests: 0, seconds: 0 };
  try {
    const runId = await state.startRun(now());
    // Sources run side by side; politeness is per host, shared through `hosts`.
    summary.sources = await Promise.all(options.config.sources.map((s) => new SourceRun(s, options, state, hosts, shared, now).run()));
    if (!options.signal?.aborted && options.ingest !== false) summary.ingest = await ingestSaved(options, state, summary.sources);
    summary.aborted = options.signal?.aborted ?? false;
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

/**
 * What the sources of one run share, claimed synchronously before any await so that two fetches
 * finishing together cannot both take the same bytes or the same file name.
 */
interface RunShared {
  /** sha256 → the URL whose copy holds those bytes. */
  hashes: Map<string, string>;
  /** saved path → the URL it belongs to. */
  paths: Map<string, string>;
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
    private readonly shared: RunShared,
    private readonly now: () => string,
  ) {
    this.summary = emptySourceSummary(source.id);
    this.allowed = allowedHostsOf(source);
    this.follow = source.follow.map((p) => new RegExp(p));
    this.documents = source.documents.map((p) => new RegExp(p));
    this.starts = new Set(source.start.map((u) => new URL(u).href));
  }

  async run(): Promise<SourceSummary> {
    await this.enqueue([...this.starts].map((url) => ({ url, role: 'list', depth: 0 })));
    await this.enqueue(this.resumable(await this.state.pending(this.source.id)));
    await this.drain();
    // Earlier failures come last, so that they never use up maxUrlsPerSource before what is new;
    // a failure that will not change by asking again soon (a 404, an error page) waits recheckDays.
    await this.enqueue(this.resumable((await this.state.failed(this.source.id)).filter((row) => this.dueForRetry(row))));
    await this.drain();
    this.summary.failedEntirely = !this.startRead;
    return this.summary;
  }

  /** Whether a start page was read (fetched, or 304): without one the source failed entirely. */
  private startRead = false;
  /** URLs requested in this run, against maxUrlsPerSource. */
  private requested = 0;

  /** Work adds work (list pages discover more URLs): wait until a pass adds nothing new. */
  private async drain(): Promise<void> {
    for (let done = 0; done < this.work.length; ) {
      const batch = this.work.slice(done);
      done = this.work.length;
      await Promise.all(batch);
    }
  }

  /** Record the URLs not seen yet in this run, all in one write, then visit them. */
  private async enqueue(found: readonly Discovered[]): Promise<void> {
    const fresh = found.filter((d) => !this.seen.has(d.url));
    for (const d of fresh) this.seen.add(d.url);
    const rows = await this.state.discover(fresh, this.source.id, this.now());
    for (const { url, role, depth } of fresh) {
      this.work.push(this.visit(rows.get(url)!, role, depth).catch((err: unknown) => this.crashed(url, role, err)));
    }
  }

  /**
   * URLs an earlier run recorded, at the depth recorded then (0 when it was not). A list page deeper
   * than maxListDepth, which can only be there if the limit was lowered since, is not taken up.
   */
  private resumable(rows: Array<Pick<UrlRow, 'url' | 'role' | 'depth'>>): Discovered[] {
    return rows
      .map((row) => ({ url: row.url, role: row.role, depth: row.depth ?? 0 }))
      .filter((d) => d.role === 'document' || d.depth <= this.options.config.maxListDepth);
  }

  /** `row`: the URL's state as this run found it (read with the page's other links, in one query). */
  private async visit(row: UrlRow, role: UrlRole, depth: number): Promise<void> {
    const url = row.url;
    if (this.options.signal?.aborted) return;
    const target = new URL(url);
    // A URL an earlier run recorded may belong to a host the sources file no longer allows.
    if (!this.allowed.has(target.host)) {
      return this.fail(url, role, new PermanentError('host_not_allowed', `${target.host} is not an allowed host of source '${this.source.id}'`), 0);
    }
    const verdict = await this.hosts.robotsOf(target);
    if (verdict.unavailable) return this.fail(url, role, verdict.unavailable, 0);
    if (!verdict.rules.allows(target.pathname + target.search)) {
      this.summary.robots++;
      await this.state.update(url, { status: 'robots', error_code: null, error: null });
      this.options.onEvent?.({ type: 'robots', sourceId: this.source.id, url });
      return;
    }
    // Linked again from a list page, a URL that failed for good (404, an error page) waits too.
    if (row.status === 'failed' && !this.dueForRetry(row)) {
      this.summary.notRetried++;
      return;
    }
    const saved = row.path !== null && (await exists(row.path));
    if (role === 'document' && this.fresh(row) && (saved || row.status === 'duplicate')) {
      this.summary.unchanged++;
      this.summary.notRequested++;
      // Its attachments are still visited (each by its own freshness), from the saved copy.
      return this.discoverFromSaved(row, saved, depth);
    }
    // The budget counts requests only: URLs skipped above cost nothing. A new URL over it stays
    // pending, and the next run takes it up first.
    if (++this.requested > this.options.config.maxUrlsPerSource) {
      this.summary.deferred++;
      return;
    }
    const conditional = (row.status === 'ok' || row.status === 'duplicate') && saved ? { etag: row.etag, lastModified: row.last_modified } : undefined;
    const result = await this.hosts.get(target, {
      conditional,
      beforeRequest: async (hop) => {
        if (!this.allowed.has(hop.host)) {
          throw new PermanentError('redirect_outside', `redirected to ${hop.host}, which is not an allowed host of source '${this.source.id}'`);
        }
        if (hop.href === url) return;
        const rules = await this.hosts.robotsOf(hop);
        if (rules.unavailable) throw new FetchError('robots_unavailable', `redirected to ${hop.href}: ${rules.unavailable.message}`);
        if (!rules.rules.allows(hop.pathname + hop.search)) {
          throw new PermanentError('redirect_robots', `redirected to ${hop.href}, which robots.txt disallows`);
        }
      },
    });
    await this.state.addAttempts(url, result.attempts);
    this.summary.retries += result.attempts - 1;
    if (!result.ok) return this.fail(url, role, result.error, result.attempts);
    const res = result.value;
    const fetched = { fetched_at: this.now(), http_status: res.status, error_code: null, error: null, final_url: res.url };
    if (this.starts.has(url)) this.startRead = true;

    if (res.status === 304) {
      await this.state.update(url, { ...fetched, status: row.status === 'duplicate' ? 'duplicate' : 'ok' });
      row.final_url = res.url;
      this.summary.notModified++;
      if (role === 'list') this.summary.listPages++;
      else this.summary.unchanged++;
      return this.discoverFromSaved(row, saved, depth);
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
    // A document that was redirected to a web page that is not one of the source's documents is a
    // login, error or home page, not the plan (a download redirected to a file is fine).
    if (role === 'document' && kind === 'html' && res.redirects.length && !this.isDocument(res.url)) {
      const err = new PermanentError('redirect_unexpected', `redirected to ${res.url}, which is not a document of this source (a login or error page?)`);
      return this.fail(url, role, err, result.attempts);
    }
    const bytes = kind === 'html' ? withHeaderCharset(body, headerCharset(contentType)) : body;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const validators = { etag: headerOf(res.headers, 'etag') ?? null, last_modified: headerOf(res.headers, 'last-modified') ?? null };
    this.summary.bytes += body.length;

    if (role === 'list') {
      this.summary.listPages++;
      // Saved too: a later 304 for this page must still yield its links.
      const path = await this.pathFor(row, kind, bytes, res.url);
      if (!saved || row.sha256 !== sha256) await writeAtomic(path, bytes);
      await this.state.update(url, { ...fetched, ...validators, status: 'ok', sha256, path, kind });
      return this.discoverFrom(bytes, res.url, role, depth);
    }

    if (saved && row.sha256 === sha256) {
      this.summary.unchanged++;
      await this.state.update(url, { ...fetched, ...validators, status: 'ok' });
    } else {
      const claimed = this.shared.hashes.get(sha256);
      if (!claimed) this.shared.hashes.set(sha256, url);
      const holder = claimed && claimed !== url ? claimed : await this.state.holderOf(sha256, url);
      if (holder) {
        // The same bytes under another URL (a mirror link, a download.jsp alias): one copy is enough.
        if (!claimed) this.shared.hashes.set(sha256, holder);
        this.summary.duplicates++;
        await this.state.update(url, { ...fetched, ...validators, status: 'duplicate', sha256, kind, duplicate_of: holder });
      } else {
        const path = await this.pathFor(row, kind, bytes, res.url);
        await writeAtomic(path, bytes);
        const change = row.sha256 === null ? 'new' : 'changed';
        this.summary[change]++;
        await this.state.update(url, { ...fetched, ...validators, status: 'ok', sha256, path, kind, changed_at: this.now(), duplicate_of: null });
        this.options.onEvent?.({ type: 'saved', sourceId: this.source.id, url, path, change });
      }
    }
    // An article page may carry the plan as an attachment: its links that are documents are taken.
    if (kind === 'html') await this.discoverFrom(bytes, res.url, role, depth);
  }

  /** The links of a page that was not downloaded again (fresh, or 304), from its saved copy. */
  private async discoverFromSaved(row: UrlRow, saved: boolean, depth: number): Promise<void> {
    if (!saved || row.kind !== 'html') return;
    // Links are relative to the URL that answered (after redirects), not the one asked for.
    await this.discoverFrom(await readFile(row.path!), row.final_url ?? row.url, row.role, depth);
  }

  /** Queue the links of a page: documents always; list pages only from list pages; within the limits of link-bounds.ts. */
  private async discoverFrom(bytes: Uint8Array, pageUrl: string, from: UrlRole, depth: number): Promise<void> {
    const page = new URL(pageUrl);
    const wanted: Array<{ url: string; role: UrlRole }> = [];
    // The saved bytes carry the header's charset (withHeaderCharset), so the page's own is enough.
    for (const link of pageLinks(bytes, pageUrl)) {
      const target = new URL(link.url);
      if (!this.allowed.has(target.host)) {
        this.summary.offsite++;
        continue;
      }
      if (this.isDocument(link.url)) wanted.push({ url: link.url, role: 'document' });
      else if (from === 'list' && (matchesAny(this.follow, link.url) || isPageOf(link, target, page))) wanted.push({ url: link.url, role: 'list' });
    }
    const bounded = boundLinks(wanted, { url: pageUrl, depth }, this.options.config, this.seen);
    this.summary.linksDropped += bounded.dropped;
    this.summary.tooDeep += bounded.tooDeep;
    for (const w of bounded.warnings) {
      this.summary.warnings.push(w);
      this.options.onEvent?.({ type: 'warning', sourceId: this.source.id, ...w });
    }
    await this.enqueue(bounded.taken);
  }

  private isDocument(url: string): boolean {
    return matchesAny(this.documents, url);
  }

  /**
   * The file for a URL's bytes: where its earlier bytes of the same kind are (a changed page keeps
   * its file, so ingest replaces its rows), else a new name from the URL that answered, never one
   * that another URL's bytes are in: `/a/plan` and `/a/plan.html` both name plan.html, so the
   * second to claim it gets a name with its URL's hash.
   */
  private async pathFor(row: UrlRow, kind: ContentKind, bytes: Uint8Array, answered: string): Promise<string> {
    if (row.path && row.kind === kind) return row.path;
    const url = row.url;
    const plain = rawPathFor(join(this.options.out, 'raw'), new URL(answered), extensionFor(kind, bytes), KEEP_EXTENSIONS[kind]);
    const claimed = this.shared.paths.get(plain);
    if (claimed === url) return plain;
    if (!claimed) {
      // Claimed before the await, so a download finishing meanwhile sees the claim.
      this.shared.paths.set(plain, url);
      const owner = await this.state.pathOwner(plain, url);
      if (!owner) return plain;
      this.shared.paths.set(plain, owner);
    }
    const hashed = withUrlHash(plain, url);
    this.shared.paths.set(hashed, url);
    return hashed;
  }

  /** Failed before: transient failures are retried every run, permanent ones after recheckDays. */
  private dueForRetry(row: UrlRow): boolean {
    return !isPermanent(row) || !this.withinRecheck(row.fetched_at ?? row.discovered_at);
  }

  private async fail(url: string, role: UrlRole, err: FetchError, attempts: number): Promise<void> {
    this.summary.failed++;
    this.summary.errors.push({ url, role, code: err.code, status: err.status ?? null, attempts, message: err.message });
    await this.state.update(url, { status: 'failed', fetched_at: this.now(), http_status: err.status ?? null, error_code: err.code, error: err.message });
    this.options.onEvent?.({ type: 'failed', sourceId: this.source.id, url, code: err.code, message: err.message });
  }

  /** A stop leaves the URL pending; anything else is a bug, recorded against the URL, never thrown. */
  private async crashed(url: string, role: UrlRole, err: unknown): Promise<void> {
    if (err instanceof CrawlAborted) return;
    const message = err instanceof Error ? err.message : String(err);
    this.summary.failed++;
    this.summary.errors.push({ url, role, code: 'internal_error', status: null, attempts: 0, message });
    await this.state.update(url, { status: 'failed', error_code: 'internal_error', error: message }).catch(() => undefined);
  }

  /** Fetched recently enough that it is not asked for again in this run. */
  private fresh(row: UrlRow): boolean {
    return (row.status === 'ok' || row.status === 'duplicate') && row.fetched_at !== null && this.withinRecheck(row.fetched_at);
  }

  private withinRecheck(time: string): boolean {
    return Date.parse(this.now()) - Date.parse(time) < this.options.config.recheckDays * DAY_MS;
  }
}

/**
 * A pagination link of the list being read ("下一页", "2", "尾页", or a page of its pagination
 * script): same host and folder as the page, so that a "1 2 3" row elsewhere on the site does not
 * lead the crawl away.
 */
function isPageOf(link: PageLink, target: URL, page: URL): boolean {
  if (!link.pagination && !isPaginationText(link.text)) return false;
  const folder = (u: URL) => u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
  return target.host === page.host && folder(target) === folder(page);
}

/** Regexes are tested against the URL as sent (percent-encoded) and as read (decoded), so a pattern may name 工作要点. */
function matchesAny(patterns: RegExp[], url: string): boolean {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // a malformed escape: the encoded form is all there is
  }
  return patterns.some((re) => re.test(url) || (decoded !== url && re.test(decoded)));
}

/** Failures that asking again tomorrow will not change: the server said no, or what it sent is not a document. */
const PERMANENT_CODES = new Set(['type_mismatch', 'unsupported_content', 'too_large', 'redirect_outside', 'redirect_robots', 'redirect_unexpected', 'redirect_loop', 'bad_redirect', 'host_not_allowed']);

function isPermanent(row: UrlRow): boolean {
  if (row.error_code === 'http_status') return row.http_status !== null && row.http_status >= 400 && row.http_status < 500 && row.http_status !== 408 && row.http_status !== 429;
  return row.error_code !== null && PERMANENT_CODES.has(row.error_code);
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
  const summary = await ingest({
    inputs: present.map((p) => p.path!),
    out: options.out,
    concurrency: DEFAULT_CONCURRENCY,
    ocr: options.ocr,
    // A stop during ingest ends the batch between files; what was not read is ingested next run.
    signal: options.signal,
    handleSignals: false,
  });
  const failures = new Map(summary.failures.map((f) => [f.path, f]));
  const stopped = new Set(summary.stopped);
  const bySource = new Map(sources.map((s) => [s.id, s]));
  for (const p of present) {
    if (stopped.has(p.path!)) continue;
    const f = failures.get(p.path!);
    await state.update(p.url, { ingested_sha256: p.sha256, ingest_error: f ? `${f.code}: ${f.message}` : null });
    const s = bySource.get(p.source_id)!;
    if (f) s.ingestFailed++;
    else s.ingested++;
  }
  return summary;
}
