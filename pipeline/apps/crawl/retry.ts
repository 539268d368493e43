import { setTimeout as sleep } from 'node:timers/promises';
import { CrawlAborted, FetchError, RetryableError } from './errors.js';

export interface RetryPolicy {
  /** Further attempts after the first. @default 3 */
  retries: number;
  /** Wait before the first retry; doubled before each next one. @default 1000 */
  baseMs: number;
  /**
   * The longest wait. A server asking (Retry-After) for more than this is not retried in this run:
   * holding the host's slot that long would stall the crawl, and the next run will ask again.
   * @default 60000
   */
  maxDelayMs?: number;
}

export type Attempted<T> = { ok: true; value: T; attempts: number } | { ok: false; error: FetchError; attempts: number };

/**
 * Run `attempt` until it succeeds, throws a PermanentError, or the retries are used up; backoff is
 * exponential (base, 2·base, 4·base, …) or the server's Retry-After when that is longer. Failures
 * come back as data with the number of attempts made; only an abort and bugs are thrown.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<Attempted<T>> {
  const maxDelay = policy.maxDelayMs ?? 60_000;
  for (let n = 1; ; n++) {
    if (signal?.aborted) throw new CrawlAborted();
    try {
      return { ok: true, value: await attempt(n), attempts: n };
    } catch (err) {
      if (signal?.aborted) throw new CrawlAborted();
      if (!(err instanceof FetchError)) throw err;
      if (!(err instanceof RetryableError) || n > policy.retries) return { ok: false, error: err, attempts: n };
      const backoff = policy.baseMs * 2 ** (n - 1);
      if ((err.retryAfterMs ?? 0) > maxDelay) return { ok: false, error: err, attempts: n };
      try {
        await sleep(Math.min(Math.max(backoff, err.retryAfterMs ?? 0), maxDelay), undefined, { signal });
      } catch {
        throw new CrawlAborted();
      }
    }
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
