/**
 * When a URL an earlier run fetched is asked for again: a document fetched within recheckDays is
 * not requested at all; a failure that may pass (a timeout, a 5xx) is retried every run, one that
 * asking again tomorrow will not change waits recheckDays too.
 */
import type { UrlRow } from './state.js';

const DAY_MS = 86_400_000;

/** Failures that asking again tomorrow will not change: the server said no, or what it sent is not a document. */
const PERMANENT_CODES = new Set(['type_mismatch', 'unsupported_content', 'too_large', 'redirect_outside', 'redirect_robots', 'redirect_unexpected', 'redirect_loop', 'bad_redirect', 'host_not_allowed']);

function isPermanent(row: UrlRow): boolean {
  if (row.error_code === 'http_status') return row.http_status !== null && row.http_status >= 400 && row.http_status < 500 && row.http_status !== 408 && row.http_status !== 429;
  return row.error_code !== null && PERMANENT_CODES.has(row.error_code);
}

/** Failed before: transient failures are retried every run, permanent ones after recheckDays. */
export function dueForRetry(row: UrlRow, now: string, recheckDays: number): boolean {
  return !isPermanent(row) || !withinRecheck(row.fetched_at ?? row.discovered_at, now, recheckDays);
}

/** Fetched recently enough that it is not asked for again in this run. */
export function isFresh(row: UrlRow, now: string, recheckDays: number): boolean {
  return (row.status === 'ok' || row.status === 'duplicate') && row.fetched_at !== null && withinRecheck(row.fetched_at, now, recheckDays);
}

function withinRecheck(time: string, now: string, recheckDays: number): boolean {
  return Date.parse(now) - Date.parse(time) < recheckDays * DAY_MS;
}
