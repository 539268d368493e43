/**
 * The limits on discovery (pipeline/apps/crawl/link-bounds.ts): a list page with 100,000 links and a
 * "下一页" that never ends, served from 127.0.0.1 and generated here, must each cost one bounded
 * run, every run, with a warning naming the option; what lies before a limit is still fetched; bad
 * option values stop the command before any request. No timing assertions: "the run finishes" is
 * the test not timing out (recording 100,000 links one committed INSERT at a time took minutes).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../pipeline/apps/crawl/crawler.js';
import { boundLinks } from '../pipeline/apps/crawl/link-bounds.js';
import { parseSources } from '../pipeline/apps/crawl/sources.js';
import { CrawlState } from '../pipeline/apps/crawl/state.js';
import { formatSummary, type CrawlSummary, type SourceSummary } from '../pipeline/apps/crawl/summary.js';
import { Db } from '../pipeline/store/db.js';
import { UsageError } from '../schemas/errors.js';

const LINKS = 100_000;
const cli = fileURLToPath(new URL('../pipeline/apps/cli/main.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const only = (s: CrawlSummary): SourceSummary => s.sources[0];
const tmp = () => mkdtempSync(join(tmpdir(), 'renda-crawl-bounds-'));

/**
 * /big/list.html: LINKS links to /big/d/<i>.html, in order. /tarpit/<k>.html: a list page whose
 * "下一页" leads to page k + 1, for every k, and one document, /tarpit/doc<k>.html. Every path
 * requested is logged; robots.txt is a 404 (everything allowed).
 */
async function hostileSite() {
  const items = Array.from({ length: LINKS }, (_, i) => `<li><a href="/big/d/${i}.html">文件${i}</a></li>`).join('\n');
  const big = Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><ul>\n${items}\n</ul></body></html>`);
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '';
    log.push(path);
    const page = (body: string) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><body>${body}</body></html>`);
    if (path === '/big/list.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(big);
    if (/^\/big\/d\/\d+\.html$/.test(path)) return page(`<p>某县人大常委会工作要点 ${path}</p>`);
    const k = /^\/tarpit\/(\d+)\.html$/.exec(path);
    if (k) return page(`<a href="doc${k[1]}.html">第${k[1]}页的文件</a> <a href="${Number(k[1]) + 1}.html">下一页</a>`);
    if (/^\/tarpit\/doc\d+\.html$/.test(path)) return page(`<p>${path}</p>`);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    requested: (path: string) => log.filter((p) => p === path).length,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

type Site = Awaited<ReturnType<typeof hostileSite>>;

async function dbRows<T>(out: string, sql: string): Promise<T[]> {
  const db = await Db.open(join(out, 'renda.sqlite'), 'ro');
  try {
    return await db.all<T>(sql);
  } finally {
    await db.close();
  }
}

let site: Site;
beforeAll(async () => {
  site = await hostileSite();
});
afterAll(() => site.close());

const bigSource = () => ({ id: 'big', start: [`${site.origin}/big/list.html`], documents: ['/big/d/'] });
const tarpitSource = () => ({ id: 'tarpit', start: [`${site.origin}/tarpit/0.html`], documents: ['/tarpit/doc\\d+\\.html$'] });

describe('crawl bounds: a list page with 100,000 links', () => {
  it('takes maxLinksPerPage (default 1000) of them, records them in one go, and says so', { timeout: 180_000 }, async () => {
    const out = tmp();
    const summary = await crawl({ config: parseSources({ sources: [bigSource()], delayMs: 0, maxUrlsPerSource: 20 }), out, ingest: false });
    const s = only(summary);
    expect(s.linksDropped).toBe(LINKS - 1000);
    expect(s.warnings).toEqual([
      { url: `${site.origin}/big/list.html`, code: 'too_many_links', message: expect.stringContaining('maxLinksPerPage 1000') },
    ]);
    expect(formatSummary(summary)).toContain(`; ${LINKS - 1000} links over maxLinksPerPage dropped`);
    const rows = await dbRows<{ role: string; status: string; n: number }>(out, 'SELECT role, status, count(*) AS n FROM crawl_urls GROUP BY 1, 2 ORDER BY 1, 2');
    // 19 documents fetched within maxUrlsPerSource, the other 981 taken left pending for the next run.
    expect(rows).toEqual([
      { role: 'document', status: 'ok', n: 19 },
      { role: 'document', status: 'pending', n: 981 },
      { role: 'list', status: 'ok', n: 1 },
    ]);
    // The first links of the page are the ones taken and fetched; nothing past the cap is recorded.
    for (let i = 0; i < 19; i++) expect(site.requested(`/big/d/${i}.html`)).toBe(1);
    const past = await dbRows<{ n: number }>(out, `SELECT count(*) AS n FROM crawl_urls WHERE url = '${site.origin}/big/d/1000.html'`);
    expect(past[0].n).toBe(0);
    // The warning is kept with the run's summary in the crawl state.
    const runs = await dbRows<{ summary: string }>(out, 'SELECT summary FROM crawl_runs');
    expect(JSON.parse(runs[0].summary).sources[0].warnings[0].code).toBe('too_many_links');
  });

  it('fetches every document before the cap', { timeout: 180_000 }, async () => {
    const out = tmp();
    const before = site.log.length;
    const summary = await crawl({ config: parseSources({ sources: [bigSource()], delayMs: 0, maxLinksPerPage: 50 }), out, ingest: false });
    expect(only(summary)).toMatchObject({ new: 50, failed: 0, deferred: 0, linksDropped: LINKS - 50 });
    const asked = site.log.slice(before).filter((p) => p.startsWith('/big/d/'));
    expect(asked.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `/big/d/${i}.html`).sort());
    const rows = await dbRows<{ n: number }>(out, "SELECT count(*) AS n FROM crawl_urls WHERE status = 'ok'");
    expect(rows[0].n).toBe(51);
  });
});

describe('crawl bounds: a "下一页" that never ends', () => {
  it('stops at maxListDepth (default 50) on every run, and fetches the documents of the pages it read', async () => {
    const out = tmp();
    const config = parseSources({ sources: [tarpitSource()], delayMs: 0 });
    for (const run of [1, 2]) {
      const before = site.log.length;
      const s = only(await crawl({ config, out, ingest: false }));
      const asked = site.log.slice(before);
      expect(s.listPages).toBe(51); // pages 0 … 50
      expect(s.tooDeep).toBe(1);
      expect(s.warnings).toEqual([
        { url: `${site.origin}/tarpit/50.html`, code: 'too_deep', message: expect.stringContaining('maxListDepth 50') },
      ]);
      expect(asked).not.toContain('/tarpit/51.html');
      if (run === 1) expect(s.new).toBe(51); // doc0 … doc50: the deepest page still gives its document
    }
    expect(site.requested('/tarpit/51.html')).toBe(0);
    const rows = await dbRows<{ role: string; n: number; depth: number }>(out, 'SELECT role, count(*) AS n, max(depth) AS depth FROM crawl_urls GROUP BY role ORDER BY role');
    expect(rows).toEqual([
      { role: 'document', n: 51, depth: 51 },
      { role: 'list', n: 51, depth: 50 },
    ]);
  });

  it('reads the start pages only at maxListDepth 0', async () => {
    const s = only(await crawl({ config: parseSources({ sources: [tarpitSource()], delayMs: 0, maxListDepth: 0 }), out: tmp(), ingest: false }));
    expect(s).toMatchObject({ listPages: 1, new: 1, tooDeep: 1 });
    expect(s.warnings.map((w) => w.code)).toEqual(['too_deep']);
  });

  it('resumes a pending list page at its recorded depth', async () => {
    // A first run over maxUrlsPerSource leaves page 3 pending at depth 3; the next run takes it up
    // first and still stops at depth 4, not 3 pages past it.
    const out = tmp();
    const sources = [{ ...tarpitSource(), documents: ['^$'] }];
    await crawl({ config: parseSources({ sources, delayMs: 0, maxListDepth: 4, maxUrlsPerSource: 3 }), out, ingest: false });
    const pending = await dbRows<{ url: string; depth: number }>(out, "SELECT url, depth FROM crawl_urls WHERE status = 'pending'");
    expect(pending).toEqual([{ url: `${site.origin}/tarpit/3.html`, depth: 3 }]);
    const s = only(await crawl({ config: parseSources({ sources, delayMs: 0, maxListDepth: 4 }), out, ingest: false }));
    expect(s.warnings.map((w) => w.url)).toEqual([`${site.origin}/tarpit/4.html`]);
    const lists = await dbRows<{ n: number }>(out, "SELECT count(*) AS n FROM crawl_urls WHERE role = 'list'");
    expect(lists[0].n).toBe(5);
  });
});

describe('crawl bounds: the options', () => {
  it('are validated with the rest of the sources file', () => {
    const source = { id: 's', start: ['https://x.gov.cn/'], documents: ['x'] };
    for (const bad of [{ maxLinksPerPage: 0 }, { maxLinksPerPage: 1.5 }, { maxLinksPerPage: '1000' }, { maxListDepth: -1 }, { maxListDepth: 2.5 }, { maxListDepth: null }]) {
      const key = Object.keys(bad)[0];
      let err: unknown;
      try {
        parseSources({ sources: [source], ...bad });
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(bad)).toBeInstanceOf(UsageError);
      expect((err as Error).message).toContain(`  ${key}: `);
    }
    expect(parseSources({ sources: [source], maxLinksPerPage: 1, maxListDepth: 0 })).toMatchObject({ maxLinksPerPage: 1, maxListDepth: 0 });
  });

  const runCli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(tsx, [cli, 'crawl', ...args]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('bad values stop renda crawl with exit 2 before any request', async () => {
    const dir = tmp();
    const file = join(dir, 'sources.json');
    writeFileSync(file, JSON.stringify({ sources: [tarpitSource()], delayMs: 0, maxLinksPerPage: 0, maxListDepth: -1 }));
    const before = site.log.length;
    const r = await runCli(['--sources', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('maxLinksPerPage');
    expect(r.stderr).toContain('maxListDepth');
    expect(site.log.length).toBe(before);
  });

  it('renda crawl prints a warning naming the option', async () => {
    const dir = tmp();
    const file = join(dir, 'sources.json');
    writeFileSync(file, JSON.stringify({ sources: [tarpitSource()], delayMs: 0, maxListDepth: 2 }));
    const r = await runCli(['--sources', file, '--out', join(dir, 'out'), '--no-ingest']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning too_deep ${site.origin}/tarpit/2.html: `);
    expect(r.stderr).toContain('(maxListDepth 2)');
    expect(r.stdout).toContain('; 1 list pages beyond maxListDepth not followed');
  });
});

describe('crawl bounds: boundLinks', () => {
  const limits = { maxLinksPerPage: 3, maxListDepth: 2 };
  const page = { url: 'http://x.cn/list.html', depth: 1 };
  const doc = (i: number) => ({ url: `http://x.cn/d${i}.html`, role: 'document' as const });
  const list = (i: number) => ({ url: `http://x.cn/index_${i}.html`, role: 'list' as const });

  it('takes the first links in page order, one level deeper than the page', () => {
    const b = boundLinks([doc(1), list(1), doc(2), doc(3), doc(4)], page, limits, new Set());
    expect(b.taken).toEqual([
      { ...doc(1), depth: 2 },
      { ...list(1), depth: 2 },
      { ...doc(2), depth: 2 },
    ]);
    expect([b.dropped, b.tooDeep]).toEqual([2, 0]);
    expect(b.warnings).toEqual([{ url: page.url, code: 'too_many_links', message: '5 links to documents and list pages; the first 3 were taken, 2 dropped (maxLinksPerPage 3)' }]);
  });

  it('past maxListDepth takes documents but no list pages, and a list page already reached is not missed', () => {
    const deep = { url: page.url, depth: 2 };
    const b = boundLinks([list(1), doc(1), list(2), list(3)], deep, limits, new Set([list(3).url]));
    expect(b.taken).toEqual([{ ...doc(1), depth: 3 }]);
    expect([b.dropped, b.tooDeep]).toEqual([0, 2]);
    expect(b.warnings).toEqual([{ url: page.url, code: 'too_deep', message: 'list page 2 links from a start page: 2 list pages it links to not followed (maxListDepth 2)' }]);
    expect(boundLinks([list(3)], deep, limits, new Set([list(3).url])).warnings).toEqual([]);
  });
});

describe('crawl bounds: the state of an older renda', () => {
  it('gains the depth column, and its pending list pages resume from depth 0', async () => {
    const out = tmp();
    const path = join(out, 'renda.sqlite');
    await (await CrawlState.open(path)).close();
    const db = await Db.open(path);
    await db.exec('ALTER TABLE crawl_urls DROP COLUMN depth');
    await db.run(`INSERT INTO crawl_urls (url, source_id, role, status, discovered_at) VALUES (?, 'tarpit', 'list', 'pending', '2024-01-01T00:00:00Z')`, [`${site.origin}/tarpit/7.html`]);
    await db.close();
    const s = only(await crawl({ config: parseSources({ sources: [{ ...tarpitSource(), documents: ['^$'] }], delayMs: 0, maxListDepth: 1 }), out, ingest: false }));
    // The start page and its page 1, and page 7 and its page 8: each chain stops one link on.
    expect(s.listPages).toBe(4);
    expect(s.warnings.map((w) => new URL(w.url).pathname).sort()).toEqual(['/tarpit/1.html', '/tarpit/8.html']);
  });
});
