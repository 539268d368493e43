/**
 * One polite HTTP GET: node:http/https rather than global fetch, because fetch (undici) has no
 * separate connect and idle timeouts without the undici package's Agent, and follows redirects
 * before we could check where they lead. Redirects are followed here by hand so that every hop is
 * checked (allowed host, robots.txt) before it is requested; the size limit is enforced while the
 * body streams in, after decompression, so neither a huge file nor a zip bomb is held in memory.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { CrawlAborted, PermanentError, RetryableError, type FetchError } from './errors.js';
import { parseRetryAfter } from './retry.js';

export interface FetchOptions {
  userAgent: string;
  connectTimeoutMs: number;
  /** Longest silence once connected: waiting for headers or between body chunks. */
  readTimeoutMs: number;
  /** Longest time for one request, first byte sent to last byte read. */
  totalTimeoutMs: number;
  maxBytes: number;
  /** Validators from the last fetch: a 304 answer then comes back with no body. */
  conditional?: { etag?: string | null; lastModified?: string | null };
  /** Checked before every request, the first and each redirect hop; throws to refuse the URL. */
  beforeRequest?: (url: URL) => Promise<void> | void;
  /** Called once per request sent (redirect hops included), for the run's request count. */
  onRequest?: (url: URL) => void;
  agents?: { http: http.Agent; https: https.Agent };
  signal?: AbortSignal;
  /** @default 5 */
  maxRedirects?: number;
}

export interface FetchResult {
  /** The URL that answered, after redirects. */
  url: string;
  /** 200–299, or 304 (not modified, `body` null). */
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer | null;
  redirects: string[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function politeGet(url: string, options: FetchOptions): Promise<FetchResult> {
  let current = new URL(url);
  const redirects: string[] = [];
  const max = options.maxRedirects ?? 5;
  for (;;) {
    await options.beforeRequest?.(current);
    const res = await requestOnce(current, options);
    if (REDIRECTS.has(res.status)) {
      const location = res.headers.location;
      if (!location) throw new PermanentError('bad_redirect', `${res.status} without a Location header`, { status: res.status });
      let next: URL;
      try {
        next = new URL(location, current);
      } catch (err) {
        throw new PermanentError('bad_redirect', `${res.status} to an invalid URL '${location}'`, { status: res.status, cause: err });
      }
      next.hash = '';
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new PermanentError('bad_redirect', `${res.status} to a ${next.protocol} URL`, { status: res.status });
      }
      if (redirects.length >= max || redirects.includes(next.href) || next.href === url) {
        throw new PermanentError('redirect_loop', `more than ${max} redirects, or a loop, at ${next.href}`, { status: res.status });
      }
      redirects.push(next.href);
      current = next;
      continue;
    }
    if (res.status === 304 || (res.status >= 200 && res.status < 300)) {
      return { url: current.href, status: res.status, headers: res.headers, body: res.body, redirects };
    }
    const message = `HTTP ${res.status}${redirects.length ? ` (after redirects to ${current.href})` : ''}`;
    if (res.status === 429 || res.status >= 500) {
      throw new RetryableError('http_status', message, { status: res.status, retryAfterMs: parseRetryAfter(headerOf(res.headers, 'retry-after')) });
    }
    throw new PermanentError('http_status', message, { status: res.status });
  }
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer | null;
}

function requestOnce(url: URL, options: FetchOptions): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    if (options.signal?.aborted) return reject(new CrawlAborted());
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: 'text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'zh-CN,zh;q=0.9',
    };
    if (options.conditional?.etag) headers['if-none-match'] = options.conditional.etag;
    if (options.conditional?.lastModified) headers['if-modified-since'] = options.conditional.lastModified;
    const https_ = url.protocol === 'https:';
    const agent = options.agents ? (https_ ? options.agents.https : options.agents.http) : undefined;
    const timers: NodeJS.Timeout[] = [];
    let idle: NodeJS.Timeout | undefined;
    let done = false;

    const finish = (err: Error | null, value?: RawResponse): void => {
      if (done) return;
      done = true;
      timers.forEach(clearTimeout);
      clearTimeout(idle);
      options.signal?.removeEventListener('abort', onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };
    const fail = (err: FetchError | CrawlAborted): void => finish(err);
    const armIdle = (): void => {
      clearTimeout(idle);
      idle = setTimeout(() => fail(new RetryableError('read_timeout', `no data for ${options.readTimeoutMs} ms`)), options.readTimeoutMs);
    };
    const onAbort = (): void => fail(new CrawlAborted());

    options.onRequest?.(url);
    const req = (https_ ? https : http).request(url, { method: 'GET', headers, agent }, (res) => {
      armIdle();
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        // Redirects, 304 and errors: their bodies are not needed. Draining keeps the connection
        // for the next request; a long error page is cut off by the idle and total timers.
        res.on('end', () => finish(null, { status, headers: res.headers, body: null }));
        res.on('error', () => finish(null, { status, headers: res.headers, body: null }));
        res.on('data', armIdle);
        res.resume();
        return;
      }
      const length = Number(res.headers['content-length']);
      if (Number.isFinite(length) && length > options.maxBytes) {
        return fail(new PermanentError('too_large', `Content-Length ${length} is over the limit of ${options.maxBytes} bytes`));
      }
      let decoder: Transform | null;
      try {
        decoder = decoderFor(headerOf(res.headers, 'content-encoding'));
      } catch (err) {
        return fail(err as PermanentError);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const source = decoder ? res.pipe(decoder) : res;
      res.on('data', armIdle);
      source.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) return fail(new PermanentError('too_large', `over the limit of ${options.maxBytes} bytes`));
        chunks.push(chunk);
      });
      source.on('end', () => finish(null, { status, headers: res.headers, body: Buffer.concat(chunks) }));
      decoder?.on('error', (err) => fail(new PermanentError('bad_encoding', `cannot decompress the body: ${err.message}`, { cause: err })));
      res.on('error', (err) => fail(new RetryableError('network', `connection lost while reading: ${err.message}`, { cause: err })));
      res.on('close', () => {
        if (!res.complete) fail(new RetryableError('network', 'the connection closed before the body was complete'));
      });
    });
    req.on('error', (err) => fail(classifySocketError(err as NodeJS.ErrnoException)));
    req.on('socket', (socket: Socket) => {
      // A reused keep-alive socket is already connected; a new one gets the connect timer.
      if (!socket.connecting) return armIdle();
      const connectTimer = setTimeout(
        () => fail(new RetryableError('connect_timeout', `no connection within ${options.connectTimeoutMs} ms`)),
        options.connectTimeoutMs,
      );
      timers.push(connectTimer);
      socket.once(https_ ? 'secureConnect' : 'connect', () => {
        clearTimeout(connectTimer);
        armIdle();
      });
    });
    timers.push(setTimeout(() => fail(new RetryableError('total_timeout', `not complete within ${options.totalTimeoutMs} ms`)), options.totalTimeoutMs));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    req.end();
  });
}

function decoderFor(encoding: string | undefined): Transform | null {
  const e = (encoding ?? '').trim().toLowerCase();
  if (!e || e === 'identity') return null;
  if (e === 'gzip' || e === 'x-gzip' || e === 'deflate') return zlib.createUnzip();
  if (e === 'br') return zlib.createBrotliDecompress();
  throw new PermanentError('bad_encoding', `unsupported Content-Encoding '${encoding}'`);
}

const RETRYABLE_SOCKET = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

function classifySocketError(err: NodeJS.ErrnoException): RetryableError | PermanentError {
  const code = err.code ?? '';
  if (code === 'ENOTFOUND') return new PermanentError('dns', `host not found (${err.message})`, { cause: err });
  if (RETRYABLE_SOCKET.has(code)) return new RetryableError('network', `${code}: ${err.message}`, { cause: err });
  if (/CERT|SSL|TLS/i.test(code) || /certificate|ssl|tls/i.test(err.message)) {
    return new PermanentError('tls', `TLS failed: ${err.message}`, { cause: err });
  }
  return new RetryableError('network', err.message, { cause: err });
}

export function headerOf(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The charset parameter of a Content-Type header. */
export function headerCharset(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}
