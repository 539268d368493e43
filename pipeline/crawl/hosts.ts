/**
 * Politeness per host: a queue with the configured concurrency (default 1), a pause after every
 * request before the slot is freed, and the host's robots.txt read once per run before its first
 * request. Hosts are shared by all sources of a run, so two sources on one site do not double the
 * load on it.
 */
import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';
import type { CrawlConfig } from './sources.js';
import { CrawlAborted, FetchError } from './errors.js';
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
  readonly agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  /** Requests sent, redirect hops and robots.txt included. */
  requests = 0;

  constructor(
    private readonly config: CrawlConfig,
    private readonly signal?: AbortSignal,
  ) {}

  /** Options for politeGet shared by every request of the run. */
  fetchOptions(extra: Partial<FetchOptions> = {}): FetchOptions {
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

  private async fetchRobots(robotsUrl: URL): Promise<RobotsVerdict> {
    const result = await this.queueOf(robotsUrl.host).add(() =>
      withRetries(
        async () => {
          try {
            // A robots.txt may redirect (http → https), but never off its own host.
            return await politeGet(robotsUrl.href, this.fetchOptions({ maxBytes: 512 * 1024, beforeRequest: (hop) => sameHost(hop, robotsUrl) }));
          } finally {
            await this.pause(this.config.delayMs);
          }
        },
        { retries: this.config.retries, baseMs: this.config.retryBaseMs },
        this.signal,
      ),
    );
    if (result!.ok) return { rules: parseRobots(result!.value.body?.toString('utf8') ?? '', this.config.userAgent) };
    const err = result!.error;
    // 4xx (and a redirect elsewhere): there are no rules, so everything is allowed. A server error
    // or no answer at all: the site may be down or may be blocking us, so it is not crawled now.
    if (err.status !== undefined && err.status >= 400 && err.status < 500 && err.status !== 429) return { rules: ALLOW_ALL };
    if (err.code === 'redirect_outside') return { rules: ALLOW_ALL };
    const why = new FetchError('robots_unavailable', `robots.txt could not be read (${err.message}), so the host is not crawled this run`, {
      status: err.status,
      cause: err,
    });
    return { rules: DISALLOW_ALL, unavailable: why };
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

function sameHost(hop: URL, origin: URL): void {
  if (hop.host !== origin.host) {
    throw new FetchError('redirect_outside', `robots.txt redirects to another host (${hop.host})`);
  }
}
