/**
 * The crawler against a fixture site on 127.0.0.1 (test/helpers/fixture-site.ts): what was fetched,
 * skipped, retried and ingested; that a second run downloads nothing unchanged; that a changed page
 * is fetched and re-ingested; and that a run killed halfway resumes without duplicates.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../pipeline/apps/crawl/crawler.js';
import { parseSources, type CrawlConfig } from '../pipeline/apps/crawl/sources.js';
import type { CrawlSummary, SourceSummary } from '../pipeline/apps/crawl/summary.js';
import { Db } from '../pipeline/store/db.js';
import { fixtureSources, startFixtureSite, type FixtureSite } from './helpers/fixture-site.js';

const cli = fileURLToPath(new URL('../pipeline/apps/cli/main.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

/** The 9 documents of the site that can be fetched and read. */
const DOCUMENTS = [
  '/gzjh/2023/plan-guangdong.html',
  '/gzjh/2024/plan-puyang.html',
  '/gzjh/2024/plan-zhejiang.html',
  '/gzjh/2024/plan-qishan.html',
  '/gzjh/2024/notice.html',
  '/files/henan-2025-deputy-plan.pdf',
  '/files/henan-2025-deputy-plan.docx',
  '/download.jsp?id=7',
  '/flaky/plan.html',
];
const LISTS = ['/gzjh/index.html', '/gzjh/index_1.html', '/gzjh/index_2.html'];

/** The site's sources file, fast for tests: no pause between requests, short timeouts and backoff. */
function sourcesFor(site: FixtureSite, extra: Record<string, unknown> = {}): CrawlConfig {
  return parseSources(testSources(site, extra));
}

const testSources = (site: FixtureSite, extra: Record<string, unknown> = {}) =>
  fixtureSources(site, { delayMs: 0, readTimeoutMs: 400, retries: 2, retryBaseMs: 20, userAgent: 'renda-test/1.0 (+https://example.org/renda)', ...extra });

async function dbRows<T>(out: string, sql: string): Promise<T[]> {
  const db = await Db.open(join(out, 'renda.sqlite'), 'ro');
  try {
    return await db.all<T>(sql);
  } finally {
    await db.close();
  }
}

const only = (s: CrawlSummary): SourceSummary => s.sources[0];

/**
 * A fixture site of its own for the enclosing describe block (its request log and its flaky
 * endpoint's count start from zero), started before its tests and closed after them.
 */
function useFixtureSite(): () => FixtureSite {
  let site: FixtureSite | undefined;
  beforeAll(async () => {
    site = await startFixtureSite();
  });
  afterAll(() => site?.close());
  return () => site!;
}

describe('crawl: a fixture site, first run', () => {
  let site: FixtureSite;
  let out: string;
  let summary: CrawlSummary;
  beforeAll(async () => {
    site = await startFixtureSite();
    out = mkdtempSync(join(tmpdir(), 'renda-crawl-'));
    summary = await crawl({ config: sourcesFor(site), out });
  });
  afterAll(() => site.close());

  it('reads all three list pages, through "下一页" and the createPageHTML script', () => {
    expect(only(summary).listPages).toBe(3);
    for (const p of LISTS) expect(site.count(p)).toBe(1);
  });

  it('saves and ingests every readable document once', async () => {
    const s = only(summary);
    expect(s.new).toBe(DOCUMENTS.length);
    expect(s.changed).toBe(0);
    expect(s.ingested).toBe(DOCUMENTS.length);
    expect(s.ingestFailed).toBe(0);
    expect(summary.ingest?.failures).toEqual([]);
    for (const p of DOCUMENTS) expect(site.requests.filter((r) => r.path === p && r.status === 200)).toHaveLength(1);
    const rows = await dbRows<{ n: number; distinct_sha: number }>(out, 'SELECT count(*) AS n, count(DISTINCT sha256) AS distinct_sha FROM sources');
    expect(rows[0]).toEqual({ n: DOCUMENTS.length, distinct_sha: DOCUMENTS.length });
  });

  it('skips what robots.txt forbids without requesting it', () => {
    expect(only(summary).robots).toBe(1);
    expect(site.count('/private/draft.html')).toBe(0);
    expect(site.count('/robots.txt')).toBe(1);
  });

  it('retries 503 and timeouts with backoff, but not 404', () => {
    expect(site.requests.filter((r) => r.path === '/flaky/plan.html').map((r) => r.status)).toEqual([503, 503, 200]);
    expect(site.count('/hang/plan.html')).toBe(3); // 1 + 2 retries, each cut off by readTimeoutMs
    expect(site.count('/files/missing.pdf')).toBe(1);
    const errors = Object.fromEntries(only(summary).errors.map((e) => [new URL(e.url).pathname, e]));
    expect(errors['/hang/plan.html']).toMatchObject({ code: 'read_timeout', attempts: 3 });
    expect(errors['/files/missing.pdf']).toMatchObject({ code: 'http_status', status: 404, attempts: 1 });
    expect(errors['/files/error-page.pdf']).toMatchObject({ code: 'type_mismatch', attempts: 1 });
    expect(errors['/redirect/plan.html']).toMatchObject({ code: 'redirect_outside', attempts: 1 });
    expect(only(summary).failed).toBe(4);
    expect(only(summary).failedEntirely).toBe(false);
  });

  it('never requests a host outside the allowed set, even through a redirect', () => {
    expect(site.otherRequests).toEqual([]);
    expect(only(summary).offsite).toBeGreaterThanOrEqual(1); // the list's link to www.npc.gov.cn
  });

  it('sends its User-Agent with every request', () => {
    expect(new Set(site.requests.map((r) => r.userAgent))).toEqual(new Set(['renda-test/1.0 (+https://example.org/renda)']));
  });

  it('stores downloads under raw/<host>/ with names from the URL and extensions from the bytes', () => {
    const host = join(out, 'raw', site.origin.replace('http://', '').replace(':', '_'));
    expect(existsSync(join(host, 'gzjh/2024/plan-zhejiang.html'))).toBe(true);
    expect(existsSync(join(host, 'files/henan-2025-deputy-plan.pdf'))).toBe(true);
    expect(readdirSync(host).filter((f) => f.startsWith('download_jsp_q') && f.endsWith('.docx'))).toHaveLength(1);
    // The GBK page declared only in the header carries the declaration with it, bytes unchanged after it.
    const saved = readFileSync(join(host, 'gzjh/2024/plan-zhejiang.html'));
    expect(saved.subarray(0, 60).toString('latin1')).toMatch(/^<meta charset="GBK">/);
  });

  it('decodes GBK pages declared in a header, in a <meta>, or nowhere', async () => {
    const docs = await dbRows<{ title: string; jurisdiction: string; path: string }>(
      out,
      `SELECT d.title, j.name AS jurisdiction, s.path FROM documents d JOIN sources s ON s.id = d.source_id
       LEFT JOIN jurisdictions j ON j.id = d.jurisdiction_id ORDER BY s.path, d.ordinal`,
    );
    const byFile = (name: string) => docs.find((d) => d.path.endsWith(name));
    expect(byFile('plan-zhejiang.html')).toMatchObject({ title: '浙江省人大常委会2024年监督工作计划', jurisdiction: '浙江省' });
    expect(byFile('plan-qishan.html')?.title).toMatch(/^上海市浦东新区人大常委会2024年工作要点/);
    expect(byFile('plan-puyang.html')?.jurisdiction).toBe('濮阳市');
    expect(byFile('plan-guangdong.html')?.jurisdiction).toBe('广东省');
    expect(docs.every((d) => !/[\ufffd]|浜哄ぇ/.test(d.title))).toBe(true);
  });

  it('ingests PDF and DOCX attachments with the same pipeline', async () => {
    const items = await dbRows<{ extractor: string; items: number }>(
      out,
      `SELECT s.extractor, count(i.id) AS items FROM sources s JOIN documents d ON d.source_id = s.id
       JOIN items i ON i.document_id = d.id WHERE s.path LIKE '%henan-2025-deputy-plan%' GROUP BY s.extractor ORDER BY s.extractor`,
    );
    expect(items).toEqual([
      { extractor: 'docx', items: 26 },
      { extractor: 'pdf', items: 26 },
    ]);
  });

  it('keeps the crawl state in the database', async () => {
    const rows = await dbRows<{ status: string; n: number }>(out, 'SELECT status, count(*) AS n FROM crawl_urls GROUP BY status ORDER BY status');
    expect(rows).toEqual([
      { status: 'failed', n: 4 },
      { status: 'ok', n: DOCUMENTS.length + LISTS.length },
      { status: 'robots', n: 1 },
    ]);
  });
});

describe('crawl: later runs are incremental', () => {
  let site: FixtureSite;
  let out: string;
  beforeAll(async () => {
    site = await startFixtureSite();
    out = mkdtempSync(join(tmpdir(), 'renda-crawl-'));
    await crawl({ config: sourcesFor(site), out });
  });
  afterAll(() => site.close());

  it('a second run downloads nothing unchanged: lists answer 304, documents are not asked for', async () => {
    const before = site.requests.length;
    const summary = await crawl({ config: sourcesFor(site), out });
    const second = site.requests.slice(before);
    expect(only(summary)).toMatchObject({ listPages: 3, new: 0, changed: 0, unchanged: DOCUMENTS.length, notRequested: DOCUMENTS.length });
    expect(summary.ingest).toBeNull();
    // Nothing saved is downloaded again (robots.txt is read once per run; failed URLs are retried).
    expect(second.filter((r) => r.status === 200 && [...DOCUMENTS, ...LISTS].includes(r.path))).toEqual([]);
    for (const p of LISTS) expect(second.find((r) => r.path === p)).toMatchObject({ conditional: true, status: 304 });
    for (const p of DOCUMENTS) expect(second.some((r) => r.path === p)).toBe(false);
    // What failed for a passing reason is tried again; what failed for good waits recheckDays.
    expect(second.filter((r) => r.path === '/hang/plan.html')).toHaveLength(3);
    for (const p of ['/files/missing.pdf', '/files/error-page.pdf', '/redirect/plan.html']) expect(second.some((r) => r.path === p)).toBe(false);
    expect(only(summary).notRetried).toBe(3);
  });

  it('once documents are due for a re-check, asks conditionally and re-ingests only what changed', async () => {
    const page = readFileSync(new URL('../fixtures/html/004_17a05f8ec4f51702.html', import.meta.url), 'utf8');
    site.setPage('/gzjh/2023/plan-guangdong.html', page.replaceAll('广东省人大常委会2023年度代表工作计划', '广东省人大常委会2023年度代表工作计划（修订）'));
    const before = site.requests.length;
    const summary = await crawl({ config: sourcesFor(site, { recheckDays: 0 }), out });
    const third = site.requests.slice(before);
    expect(only(summary)).toMatchObject({ new: 0, changed: 1, unchanged: DOCUMENTS.length - 1 });
    for (const p of DOCUMENTS) expect(third.find((r) => r.path === p)?.conditional).toBe(true);
    expect(third.filter((r) => r.status === 200 && [...DOCUMENTS, ...LISTS].includes(r.path)).map((r) => r.path)).toEqual(['/gzjh/2023/plan-guangdong.html']);
    expect(summary.ingest?.files).toBe(1);
    const rows = await dbRows<{ n: number }>(out, 'SELECT count(*) AS n FROM sources');
    expect(rows[0].n).toBe(DOCUMENTS.length); // the new version replaced the old one
    const titles = await dbRows<{ title: string }>(out, "SELECT title FROM documents WHERE title LIKE '广东省%'");
    expect(titles.map((t) => t.title)).toContain('广东省人大常委会2023年度代表工作计划（修订）');
  });
});

describe('crawl: a run killed halfway', () => {
  const site = useFixtureSite();

  it('resumes on the next run without duplicates or lost documents', async () => {
    const { out, child, downloaded } = await slowCrawlUntil(site(), 4);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const firstRun = downloaded();
    expect(firstRun).toBeLessThan(DOCUMENTS.length);
    // What the killed run left: documents saved and recorded, none ingested yet, a stale lock.
    const left = await dbRows<{ saved: number; ingested: number }>(
      out,
      "SELECT count(*) AS saved, count(ingested_sha256) AS ingested FROM crawl_urls WHERE role = 'document' AND status = 'ok'",
    );
    expect(left[0].saved).toBeGreaterThanOrEqual(firstRun - 1);
    expect(left[0].ingested).toBe(0);
    expect(existsSync(join(out, 'crawl.lock'))).toBe(true);

    const summary = await crawl({ config: sourcesFor(site()), out });
    // Every document ends up in the database exactly once…
    const rows = await dbRows<{ n: number; distinct_sha: number; distinct_path: number }>(
      out,
      'SELECT count(*) AS n, count(DISTINCT sha256) AS distinct_sha, count(DISTINCT path) AS distinct_path FROM sources',
    );
    expect(rows[0]).toEqual({ n: DOCUMENTS.length, distinct_sha: DOCUMENTS.length, distinct_path: DOCUMENTS.length });
    const pending = await dbRows<{ n: number }>(out, "SELECT count(*) AS n FROM crawl_urls WHERE status = 'pending'");
    expect(pending[0].n).toBe(0);
    // …and what the killed run had saved is not downloaded again (at most the one request in flight).
    expect(downloaded()).toBeLessThanOrEqual(DOCUMENTS.length + 1);
    expect(only(summary).new + only(summary).unchanged).toBe(DOCUMENTS.length);
    expect(only(summary).ingested).toBe(DOCUMENTS.length);
  });
});

/**
 * `renda crawl` in a child process, slow enough (150 ms between requests) that a signal sent once
 * `documents` documents have been downloaded lands in the middle of the downloads.
 */
async function slowCrawlUntil(site: FixtureSite, documents: number) {
  const out = mkdtempSync(join(tmpdir(), 'renda-crawl-'));
  const sourcesFile = join(out, 'sources.json');
  writeFileSync(sourcesFile, JSON.stringify(testSources(site, { delayMs: 150 })));
  // node itself with tsx as a loader, not the tsx wrapper: the wrapper runs the CLI in a child
  // process, which a SIGKILL of the wrapper would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'crawl', '--sources', sourcesFile, '--out', out, '--quiet']);
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const downloaded = () => site.requests.filter((r) => DOCUMENTS.includes(r.path) && r.status === 200).length;
  await until(() => downloaded() >= documents, 30_000);
  return { out, child, downloaded, stdout: () => stdout };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('crawl: a run stopped with SIGTERM', () => {
  const site = useFixtureSite();

  it('stops between requests with exit 130, releases its lock, and the next run finishes the job', async () => {
    const { out, child, stdout } = await slowCrawlUntil(site(), 3);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(130);
    expect(stdout()).toContain('(stopped: the next run resumes)');
    expect(existsSync(join(out, 'crawl.lock'))).toBe(false);
    const summary = await crawl({ config: sourcesFor(site()), out });
    expect(only(summary).new + only(summary).unchanged).toBe(DOCUMENTS.length);
    const rows = await dbRows<{ n: number }>(out, 'SELECT count(*) AS n FROM sources');
    expect(rows[0].n).toBe(DOCUMENTS.length);
  });
});

describe('renda crawl on the command line', () => {
  const site = useFixtureSite();

  const runCli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(tsx, [cli, 'crawl', ...args]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('refuses an invalid sources file before any request, naming each bad field (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renda-crawl-'));
    const file = join(dir, 'sources.json');
    writeFileSync(file, JSON.stringify({ sources: [{ id: 'a b', start: ['ftp://x.example/'], documents: ['(unclosed'] }], delayMs: -1 }));
    const before = site().requests.length;
    const r = await runCli(['--sources', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sources[0].id');
    expect(r.stderr).toContain('sources[0].start[0]');
    expect(r.stderr).toContain('sources[0].documents[0]');
    expect(r.stderr).toContain('delayMs');
    expect(site().requests.length).toBe(before);
  });

  it('prints a run summary and exits 1 when a source failed entirely', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renda-crawl-'));
    const file = join(dir, 'sources.json');
    writeFileSync(
      file,
      JSON.stringify({
        sources: [
          { id: 'gone', start: [`${site().origin}/old-site/index.html`], documents: ['/files/'] },
          { id: 'fine', start: [`${site().origin}/gzjh/index_2.html`], documents: ['/download\\.jsp'] },
        ],
        delayMs: 0,
      }),
    );
    const r = await runCli(['--sources', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('source gone: 0 list pages, 0 new, 0 changed, 0 unchanged, 0 duplicates, 1 failed, 0 skipped by robots (FAILED: no start page could be read)');
    // From page 3, "上一页" and the pagination script lead back to pages 2 and 1.
    expect(r.stdout).toContain('source fine: 3 list pages, 1 new, 0 changed, 0 unchanged, 0 duplicates, 0 failed, 0 skipped by robots');
    expect(r.stdout).toMatch(/renda ingest: 1 files, 1 documents, \d+ items, 0 failures/);
    expect(r.stderr).toContain(`error http_status ${site().origin}/old-site/index.html: HTTP 404`);
  });
});

describe('crawl: hosts that cannot be crawled now', () => {
  it('does not crawl a host whose robots.txt answers with a server error, and says why', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      if (req.url === '/robots.txt') res.writeHead(500).end('down');
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><a href="/a.html">a</a></body></html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const config = parseSources({ sources: [{ id: 'down', start: [`${origin}/list.html`], documents: ['\\.html$'] }], delayMs: 0, retries: 1, retryBaseMs: 10 });
      const summary = await crawl({ config, out: mkdtempSync(join(tmpdir(), 'renda-crawl-')) });
      expect(seen).toEqual(['/robots.txt', '/robots.txt']); // one retry of the 500, then nothing else
      expect(only(summary).failedEntirely).toBe(true);
      expect(only(summary).errors).toEqual([
        expect.objectContaining({ url: `${origin}/list.html`, code: 'robots_unavailable', status: 500 }),
      ]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses to start while another crawl holds the output folder, and takes over a stale lock', async () => {
    const out = mkdtempSync(join(tmpdir(), 'renda-crawl-'));
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(join(out, 'crawl.lock'), `${sleeper.pid}\n`);
      const config = parseSources({ sources: [{ id: 'x', start: ['http://127.0.0.1:9/'], documents: ['x'] }] });
      await expect(crawl({ config, out })).rejects.toThrow(`another crawl (pid ${sleeper.pid}) is using ${out}`);
    } finally {
      sleeper.kill();
      await new Promise((r) => sleeper.once('exit', r));
    }
    // Its process is gone now: the lock is stale and the next run takes it (and releases it).
    const site = await startFixtureSite();
    try {
      const summary = await crawl({ config: sourcesFor(site), out, ingest: false });
      expect(only(summary).new).toBe(DOCUMENTS.length);
      expect(existsSync(join(out, 'crawl.lock'))).toBe(false);
    } finally {
      await site.close();
    }
  });
});

/** A one-off site on 127.0.0.1 for the edge cases below: `route` answers every request but robots.txt (404). */
async function miniSite(route: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    log.push(req.url ?? '');
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    route(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    log,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

const html = (body: string) => `<html><body>${body}</body></html>`;

describe('crawl: what real sites do', () => {
  it('does not hang when a page redirects from http to https on the same host', async () => {
    const site = await miniSite((req, res) => void res.writeHead(301, { location: `https://127.0.0.1:${site.port}${req.url}` }).end());
    try {
      const config = parseSources({ sources: [{ id: 's', start: [`${site.origin}/gzjh/index.html`], documents: ['x'] }], delayMs: 0, retries: 0 });
      const summary = await crawl({ config, out: mkdtempSync(join(tmpdir(), 'renda-crawl-')), ingest: false });
      // No TLS server here, so the https origin's robots.txt cannot be read: the hop is refused, not awaited forever.
      expect(only(summary).errors.map((e) => e.code)).toEqual(['robots_unavailable']);
    } finally {
      await site.close();
    }
  });

  it('reads a redirected start page\'s links against the URL that answered, on later runs too', async () => {
    const site = await miniSite((req, res) => {
      if (req.url === '/rdgz/') return void res.writeHead(302, { location: '/rdgz/gzjh/index.shtml' }).end();
      if (req.url === '/rdgz/gzjh/index.shtml') {
        if (req.headers['if-none-match'] === '"L1"') return void res.writeHead(304, { etag: '"L1"' }).end();
        return void res.writeHead(200, { 'content-type': 'text/html', etag: '"L1"' }).end(html('<a href="t1.html">plan</a>'));
      }
      if (req.url === '/rdgz/gzjh/t1.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html('<p>某县人大常委会2024年工作要点</p>'));
      res.writeHead(404).end();
    });
    try {
      const config = parseSources({ sources: [{ id: 's', start: [`${site.origin}/rdgz/`], documents: ['/t\\d+\\.html$'] }], delayMs: 0, retries: 0, recheckDays: 0 });
      const out = mkdtempSync(join(tmpdir(), 'renda-crawl-'));
      expect(only(await crawl({ config, out, ingest: false })).new).toBe(1);
      const second = only(await crawl({ config, out, ingest: false }));
      expect(second).toMatchObject({ unchanged: 1, failed: 0 });
      expect(site.log.filter((p) => p === '/rdgz/gzjh/t1.html')).toHaveLength(2);
    } finally {
      await site.close();
    }
  });

  it('fails a document that redirects to a login page instead of ingesting the login page', async () => {
    const site = await miniSite((req, res) => {
      if (req.url === '/gzjh/index.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html('<a href="/gzjh/202401/t1.html">a</a>'));
      if (req.url!.startsWith('/gzjh/2024')) return void res.writeHead(302, { location: `/login.jsp?from=${encodeURIComponent(req.url!)}` }).end();
      res.writeHead(200, { 'content-type': 'text/html' }).end(html('<form>用户名 密码 登录</form>'));
    });
    try {
      const config = parseSources({ sources: [{ id: 's', start: [`${site.origin}/gzjh/index.html`], documents: ['/gzjh/\\d{6}/t\\d+\\.html$'] }], delayMs: 0 });
      const summary = only(await crawl({ config, out: mkdtempSync(join(tmpdir(), 'renda-crawl-')), ingest: false }));
      expect(summary.new).toBe(0);
      expect(summary.errors).toEqual([expect.objectContaining({ code: 'redirect_unexpected', url: `${site.origin}/gzjh/202401/t1.html` })]);
    } finally {
      await site.close();
    }
  });

  it('keeps one copy of the same bytes under two URLs, even when both downloads finish together', async () => {
    const pdf = Buffer.from('%PDF-1.4\n' + 'x'.repeat(2000));
    const site = await miniSite((req, res) => {
      if (req.url === '/list.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html('<a href="/files/a.pdf">a</a><a href="/download.jsp?id=1">b</a>'));
      res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
    });
    try {
      const config = parseSources({ sources: [{ id: 's', start: [`${site.origin}/list.html`], documents: ['/files/', 'download'] }], delayMs: 0, concurrencyPerHost: 2 });
      const summary = only(await crawl({ config, out: mkdtempSync(join(tmpdir(), 'renda-crawl-')), ingest: false }));
      expect([summary.new, summary.duplicates]).toEqual([1, 1]);
    } finally {
      await site.close();
    }
  });

  it('gives two URLs that name the same file two files', async () => {
    const site = await miniSite((req, res) => {
      if (req.url === '/list.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html('<a href="/a/plan">1</a><a href="/a/plan.html">2</a>'));
      res.writeHead(200, { 'content-type': 'text/html' }).end(html(`<p>${req.url}</p>`));
    });
    try {
      const out = mkdtempSync(join(tmpdir(), 'renda-crawl-'));
      const config = parseSources({ sources: [{ id: 's', start: [`${site.origin}/list.html`], documents: ['/a/'] }], delayMs: 0 });
      const first = only(await crawl({ config, out, ingest: false }));
      expect(first.errors).toEqual([]);
      expect(first.new).toBe(2);
      const rows = await dbRows<{ path: string }>(out, "SELECT path FROM crawl_urls WHERE role = 'document'");
      expect(new Set(rows.map((r) => r.path)).size).toBe(2);
      for (const r of rows) expect(existsSync(r.path)).toBe(true);
    } finally {
      await site.close();
    }
  });

  it('never asks a host the sources file no longer allows, not even for robots.txt', async () => {
    const files = await miniSite((_req, res) => void res.writeHead(503).end());
    const www = await miniSite((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(html(`<a href="${files.origin}/f/plan.pdf">plan</a>`)));
    try {
      const out = mkdtempSync(join(tmpdir(), 'renda-crawl-'));
      const source = { id: 's', start: [`${www.origin}/list.html`], documents: ['/f/'] };
      await crawl({ config: parseSources({ sources: [{ ...source, allowedHosts: [new URL(files.origin).host] }], delayMs: 0, retries: 0 }), out, ingest: false });
      expect(files.log).toEqual(['/robots.txt', '/f/plan.pdf']);
      files.log.length = 0;
      const summary = only(await crawl({ config: parseSources({ sources: [source], delayMs: 0, retries: 0 }), out, ingest: false }));
      expect(files.log).toEqual([]);
      expect(summary.errors.map((e) => e.code)).toEqual(['host_not_allowed']);
    } finally {
      await files.close();
      await www.close();
    }
  });

  it('follows a robots.txt redirect to another allowed host and obeys it', async () => {
    const www = await miniSite((_req, res) => void res.writeHead(404).end());
    const wwwRobots = http.createServer((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => wwwRobots.listen(0, '127.0.0.1', r));
    const robotsHost = `127.0.0.1:${(wwwRobots.address() as AddressInfo).port}`;
    const bare = http.createServer((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(301, { location: `http://${robotsHost}/robots.txt` }).end();
      if (req.url === '/list.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html('<a href="/private/draft.html">x</a>'));
      res.writeHead(200, { 'content-type': 'text/html' }).end(html('<p>内部</p>'));
    });
    await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
    try {
      const origin = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
      const config = parseSources({ sources: [{ id: 's', start: [`${origin}/list.html`], documents: ['/private/'], allowedHosts: [robotsHost] }], delayMs: 0 });
      const summary = only(await crawl({ config, out: mkdtempSync(join(tmpdir(), 'renda-crawl-')), ingest: false }));
      expect([summary.robots, summary.new]).toEqual([1, 0]);
    } finally {
      await www.close();
      await new Promise((r) => wwwRobots.close(r));
      await new Promise((r) => bare.close(r));
    }
  });

  it('puts what is new before earlier failures, which never use up maxUrlsPerSource', async () => {
    let links = ['/d/dead1.html', '/d/dead2.html', '/d/dead3.html'];
    const site = await miniSite((req, res) => {
      if (req.url === '/list.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html(links.map((l) => `<a href="${l}">x</a>`).join('')));
      if (req.url === '/d/new.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html('<p>新计划</p>'));
      res.writeHead(404).end();
    });
    try {
      const config = parseSources({ sources: [{ id: 's', start: [`${site.origin}/list.html`], documents: ['/d/'] }], delayMs: 0, maxUrlsPerSource: 4 });
      const out = mkdtempSync(join(tmpdir(), 'renda-crawl-'));
      expect(only(await crawl({ config, out, ingest: false })).failed).toBe(3);
      links = ['/d/dead1.html', '/d/dead2.html', '/d/dead3.html', '/d/new.html'];
      const second = only(await crawl({ config, out, ingest: false }));
      expect(second).toMatchObject({ new: 1, failed: 0, notRetried: 3 });
    } finally {
      await site.close();
    }
  });

  it('matches patterns against the decoded URL too, so they may name Chinese words', async () => {
    const site = await miniSite((req, res) => {
      if (req.url === '/list.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html('<a href="/files/2024年工作要点.html">要点</a><a href="/files/其他.html">其他</a>'));
      res.writeHead(200, { 'content-type': 'text/html' }).end(html('<p>x</p>'));
    });
    try {
      const config = parseSources({ sources: [{ id: 's', start: [`${site.origin}/list.html`], documents: ['工作要点'] }], delayMs: 0 });
      const summary = only(await crawl({ config, out: mkdtempSync(join(tmpdir(), 'renda-crawl-')), ingest: false }));
      expect(summary.new).toBe(1);
      expect(site.log).toContain(`/files/${encodeURIComponent('2024年工作要点')}.html`);
    } finally {
      await site.close();
    }
  });
});
