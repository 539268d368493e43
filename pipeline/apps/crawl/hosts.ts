/**
 * Politeness per host: a queue with the configured concurrency (default 1), a pause after every
 * request before the slot is freed, and the host's robots.txt read once per run before its first
 * request (outside the queue, see fetchRobots). Hosts are shared by all sources of a run, so two sources on one site do not double the
 * load on it.
 */
import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';
import { allowedHostsOf, type CrawlConfig } from './sources.js';
import { CrawlAborted, FetchError, PermanentError } from './errors.js';
import { politeGet, type FetchOptions, type FetchResult } from './fetch.js';
import { withRetries, type Attempted } from './retry.js';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type RobotsRules } from './robots.js';

export interface RobotsVerdict {
  rules: RobotsRules;
  /** Why the host is not crawled this run, when robots.txt could not be read (RFC 9309 §2.3.1.4). */
  unavailable?: FetchError;
}

export class Hosts {
  private readonly queues = new Map<string, PQueue>();
  private readonly robots = new Map<string, Promise<RobotsVerdict>>();
  private readonly agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  /** Every host some source of the run may request: where a robots.txt may redirect to. */
  private readonly allowed: Set<string>;
  /** Requests sent, redirect hops and robots.txt included. */
  requests = 0;

  constructor(
    private readonly config: CrawlConfig,
    private readonly signal?: AbortSignal,
  ) {
    this.allowed = new Set(config.sources.flatMap((s) => [...allowedHostsOf(s)]));
  }

  /** Options for politeGet shared by every request of the run. */
  private fetchOptions(extra: Partial<FetchOptions> = {}): FetchOptions {
    const c = this.config;
    return {
      userAgent: c.userAgent,
      connectTimeoutMs: c.connectTimeoutMs,
      readTimeoutMs: c.readTimeoutMs,
      totalTimeoutMs: c.totalTimeoutMs,
      maxBytes: c.maxBytes,
      agents: this.agents,
      signal: this.signal,
      onRequest: () => void this.requests++,
      ...extra,
    };
  }

  /**
   * GET `url` in its host's queue, with retries; the pause after each attempt keeps the slot, so a
   * host never sees requests closer together than the delay.
   */
  async get(url: URL, extra: Partial<FetchOptions>): Promise<Attempted<FetchResult>> {
    const verdict = await this.robotsOf(url);
    const delay = Math.max(this.config.delayMs, verdict.rules.crawlDelayMs ?? 0);
    const result = await this.queueOf(url.host).add(() =>
      withRetries(
        async () => {
          try {
            return await politeGet(url.href, this.fetchOptions(extra));
          } finally {
            await this.pause(delay);
          }
        },
        { retries: this.config.retries, baseMs: this.config.retryBaseMs },
        this.signal,
      ),
    );
    return result!;
  }

  /** robots.txt of the URL's host, fetched once per run. */
  robotsOf(url: URL): Promise<RobotsVerdict> {
    const key = `${url.protocol}//${url.host}`;
    let verdict = this.robots.get(key);
    if (!verdict) {
      verdict = this.fetchRobots(new URL('/robots.txt', url));
      this.robots.set(key, verdict);
    }
    return verdict;
  }

  /**
   * Not through the host's queue: robots.txt is asked for while a request of that host may hold
   * the queue's only slot (a redirect hop from http to https needs the https origin's rules), and
   * waiting for the slot there would wait forever. It is one small request per origin and run.
   */
  private async fetchRobots(robotsUrl: URL): Promise<RobotsVerdict> {
    const result = await withRetries(
      // RFC 9309 §2.3.1.2: redirects are followed (up to five), but only to hosts some source may
      // request: a robots.txt on a host we may not ask is no rule we can read.
      () => politeGet(robotsUrl.href, this.fetchOptions({ maxBytes: 512 * 1024, beforeRequest: (hop) => this.checkRobotsHop(hop, robotsUrl) })),
      { retries: this.config.retries, baseMs: this.config.retryBaseMs },
      this.signal,
    );
    if (result.ok) return { rules: parseRobots(result.value.body?.toString('utf8') ?? '', this.config.userAgent) };
    const err = result.error;
    // 4xx: there are no rules, so everything is allowed. A server error, no answer at all, or a
    // redirect we may not follow: the site may be down, blocking us, or elsewhere; not crawled now.
    if (err.status !== undefined && err.status >= 400 && err.status < 500 && err.status !== 429 && err.code === 'http_status') return { rules: ALLOW_ALL };
    const why = new FetchError('robots_unavailable', `robots.txt could not be read (${err.message}), so the host is not crawled this run`, {
      status: err.status,
      cause: err,
    });
    return { rules: DISALLOW_ALL, unavailable: why };
  }

  private checkRobotsHop(hop: URL, origin: URL): void {
    if (hop.host !== origin.host && !this.allowed.has(hop.host)) {
      throw new PermanentError(
        'redirect_outside',
        `${origin.href} redirects to ${hop.host}, which no source allows; start from that host, or add it to allowedHosts`,
      );
    }
  }

  private queueOf(host: string): PQueue {
    let q = this.queues.get(host);
    if (!q) {
      q = new PQueue({ concurrency: this.config.concurrencyPerHost });
      this.queues.set(host, q);
    }
    return q;
  }

  private async pause(ms: number): Promise<void> {
    if (ms <= 0) return;
    try {
      await sleep(ms, undefined, { signal: this.signal });
    } catch {
      throw new CrawlAborted();
    }
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
