// What one list page with many links costs the crawler. Runs dist/:
//   npm run bench -- crawl, or: node test/bench/crawl.mjs [links]      (default 100,000)
// 1. A page of that many document links on 127.0.0.1, crawled once into a fresh folder with
//    maxUrlsPerSource 20, so the time is discovery (parsing, recording, deciding what to request)
//    and not requests: at the default maxLinksPerPage, and with the cap raised to take every link.
// 2. Recording the links alone: one INSERT committed per link (how renda did it before the links of
//    a page were recorded together), and CrawlState.discover (one statement for the page).
// On a build from before maxLinksPerPage, 1 runs the default only and 2 the per-link INSERTs only.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './_cli.mjs';

const { crawl } = await import(join(ROOT, 'dist/pipeline/apps/crawl/crawler.js'));
const { parseSources } = await import(join(ROOT, 'dist/pipeline/apps/crawl/sources.js'));
const { CrawlState } = await import(join(ROOT, 'dist/pipeline/apps/crawl/state.js'));
const { Db } = await import(join(ROOT, 'dist/pipeline/store/db.js'));

const n = Number(process.argv[2] ?? 100_000);
const items = Array.from({ length: n }, (_, i) => `<li><a href="/d/${i}.html">文件${i}</a></li>`).join('\n');
const list = Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><ul>\n${items}\n</ul></body></html>`);
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(2);
const tmp = () => mkdtempSync(join(tmpdir(), 'renda-crawl-bench-'));

const server = http.createServer((req, res) => {
  if (req.url === '/list.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(list);
  if (req.url?.startsWith('/d/')) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><body><p>${req.url}</p></body></html>`);
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

console.log(`one list page of ${n} links (${(list.length / 1e6).toFixed(1)} MB), node ${process.version}`);
for (const [label, extra] of [['default maxLinksPerPage', {}], [`maxLinksPerPage ${n}`, { maxLinksPerPage: n }]]) {
  let config;
  try {
    config = parseSources({ sources: [{ id: 'b', start: [`${origin}/list.html`], documents: ['/d/'] }], delayMs: 0, maxUrlsPerSource: 20, ...extra });
  } catch {
    continue; // not an option of this build
  }
  const out = tmp();
  const started = performance.now();
  const summary = await crawl({ config, out, ingest: false });
  const took = seconds(started);
  const db = await Db.open(join(out, 'renda.sqlite'), 'ro');
  const [{ rows }] = await db.all('SELECT count(*) AS rows FROM crawl_urls');
  await db.close();
  const s = summary.sources[0];
  console.log(`crawl, ${label}: ${took} s; ${rows} URLs recorded, ${summary.requests} requests, ${s.new} saved, ${s.deferred} deferred`);
  rmSync(out, { recursive: true, force: true });
}
server.close();

const urls = Array.from({ length: n }, (_, i) => `${origin}/d/${i}.html`);
{
  const out = tmp();
  await (await CrawlState.open(join(out, 'renda.sqlite'))).close(); // the schema
  const db = await Db.openShared(join(out, 'renda.sqlite'), async () => undefined);
  const started = performance.now();
  for (const url of urls) {
    await db.run(`INSERT INTO crawl_urls (url, source_id, role, status, discovered_at) VALUES (?, 'b', 'document', 'pending', ?) ON CONFLICT (url) DO NOTHING`, [url, new Date().toISOString()]);
  }
  console.log(`recording ${n} links, one committed INSERT each: ${seconds(started)} s`);
  await db.close();
  rmSync(out, { recursive: true, force: true });
}
if (CrawlState.prototype.discover.length === 3) {
  const out = tmp();
  const state = await CrawlState.open(join(out, 'renda.sqlite'));
  const started = performance.now();
  const rows = await state.discover(urls.map((url) => ({ url, role: 'document', depth: 1 })), 'b', new Date().toISOString());
  console.log(`recording ${n} links, CrawlState.discover (one statement): ${seconds(started)} s (${rows.size} rows)`);
  await state.close();
  rmSync(out, { recursive: true, force: true });
}
