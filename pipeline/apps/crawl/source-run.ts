/**
 * One source's part of a crawl run: its start pages, what earlier runs left pending, then what
 * failed; each URL checked against the allowed hosts, robots.txt, its freshness and the request
 * budget before it is fetched, its bytes saved (or found unchanged, or a duplicate), and the links
 * of what was read queued in turn.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeAtomic } from '../../store/write-json.js';
import { withHeaderCharset } from './charset.js';
import { checkContent } from './content.js';
import type { RunClaims } from './claims.js';
import { CrawlAborted, FetchError, PermanentError } from './errors.js';
import { headerCharset, headerOf } from './fetch.js';
import type { Hosts } from './hosts.js';
import { boundLinks } from './link-bounds.js';
import { isPageOf, matchesAny } from './link-match.js';
import { pageLinks } from './links.js';
import type { CrawlOptions } from './options.js';
import { dueForRetry, isFresh } from './recheck.js';
import { exists } from './saved-copy.js';
import { allowedHostsOf, type CrawlSource } from './sources.js';
import type { CrawlState, Discovered, UrlRole, UrlRow } from './state.js';
import { emptySourceSummary, type SourceSummary } from './summary.js';

export class SourceRun {
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
    private readonly claims: RunClaims,
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
      const path = await this.claims.pathFor(row, kind, bytes, res.url);
      if (!saved || row.sha256 !== sha256) await writeAtomic(path, bytes);
      await this.state.update(url, { ...fetched, ...validators, status: 'ok', sha256, path, kind });
      return this.discoverFrom(bytes, res.url, role, depth);
    }

    if (saved && row.sha256 === sha256) {
      this.summary.unchanged++;
      await this.state.update(url, { ...fetched, ...validators, status: 'ok' });
    } else {
      const holder = await this.claims.holderOf(sha256, url);
      if (holder) {
        // The same bytes under another URL (a mirror link, a download.jsp alias): one copy is enough.
        this.summary.duplicates++;
        await this.state.update(url, { ...fetched, ...validators, status: 'duplicate', sha256, kind, duplicate_of: holder });
      } else {
        const path = await this.claims.pathFor(row, kind, bytes, res.url);
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

  private dueForRetry(row: UrlRow): boolean {
    return dueForRetry(row, this.now(), this.options.config.recheckDays);
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

  private fresh(row: UrlRow): boolean {
    return isFresh(row, this.now(), this.options.config.recheckDays);
  }
}
