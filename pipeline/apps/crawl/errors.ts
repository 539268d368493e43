/**
 * Why a URL could not be fetched, named for what the crawler does about it: a RetryableError is
 * tried again after a backoff (the server was busy, slow or dropped the connection), a
 * PermanentError ends this URL for the run (the answer will not change by asking again now). Both
 * are recorded in the crawl state with their `code`, and every failed URL is tried again on the
 * next run.
 */
export type FetchErrorCode =
  | 'http_status' // the server answered with an error status (see `status`)
  | 'connect_timeout'
  | 'read_timeout' // the connection went silent
  | 'total_timeout' // the response did not finish in time
  | 'network' // refused, reset, cut short
  | 'dns'
  | 'tls'
  | 'too_large' // over maxBytes
  | 'bad_encoding' // a Content-Encoding we cannot undo, or a corrupt compressed body
  | 'redirect_outside' // a redirect to a host outside the allowed set (never requested)
  | 'redirect_unexpected' // a document redirected to a web page that is not a document (a login page)
  | 'host_not_allowed' // a URL recorded by an earlier run whose host the sources file no longer allows
  | 'redirect_robots' // a redirect to a path robots.txt disallows (never requested)
  | 'redirect_loop'
  | 'bad_redirect'
  | 'robots_unavailable' // robots.txt could not be read, so the host is not crawled this run
  | 'type_mismatch' // the bytes are not what the link or Content-Type promised
  | 'unsupported_content'; // bytes renda cannot ingest (archives, spreadsheets, executables)

export class FetchError extends Error {
  readonly code: FetchErrorCode;
  /** HTTP status, when the server answered. */
  readonly status?: number;
  constructor(code: FetchErrorCode, message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options);
    this.name = 'FetchError';
    this.code = code;
    this.status = options?.status;
  }
}

export class RetryableError extends FetchError {
  /** The server's Retry-After, in milliseconds. */
  readonly retryAfterMs?: number;
  constructor(code: FetchErrorCode, message: string, options?: { cause?: unknown; status?: number; retryAfterMs?: number }) {
    super(code, message, options);
    this.name = 'RetryableError';
    this.retryAfterMs = options?.retryAfterMs;
  }
}

export class PermanentError extends FetchError {
  constructor(code: FetchErrorCode, message: string, options?: { cause?: unknown; status?: number }) {
    super(code, message, options);
    this.name = 'PermanentError';
  }
}

/** The run was stopped (Ctrl-C, SIGTERM): the URL stays pending and the next run resumes it. */
export class CrawlAborted extends Error {
  constructor() {
    super('the crawl was stopped');
    this.name = 'CrawlAborted';
  }
}
