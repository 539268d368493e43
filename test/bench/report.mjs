#!/usr/bin/env node
/**
 * Benchmark of the report page at scale (`npm run bench -- report`, which builds first): the
 * `npm start` fixtures copied by SQL into a database of BENCH_REPORT_ITEMS items (`_large-db.mjs`;
 * kept in out/bench-report/ and reused while it has that many items), `renda report` on it, then
 * the page in headless Chromium (Debian's `chromium` through playwright-core) as a person would
 * use it: load until the table is shown and usable, a filter typed one keystroke at a time, a
 * select, sorting, scrolling. Each interaction is timed inside the page from the event to the
 * next painted frame, so the time includes the layout of whatever the page changed.
 *
 * The row counts and first rows it prints are also a check: they must be the same before and
 * after a change to the page. Prints a Markdown table and writes out/bench-report.json; no timing
 * assertions (the machine is shared, so medians of several runs are what it reports).
 *
 * Environment (optional):
 *   BENCH_REPORT_ITEMS   items in the generated database (default 100000)
 *   BENCH_REPORT_RUNS    page loads (default 5)
 *   BENCH_REPORT_ROUNDS  rounds of interactions, on the first loads (default: as many as loads)
 *   BENCH_REPORT_PAGE    a page already written (say, by an older build) to measure instead
 *   CHROMIUM_PATH        the browser (default: `command -v chromium`)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { MAIN, ROOT } from './_cli.mjs';
import { largeDb } from './_large-db.mjs';

const ITEMS = Number(process.env.BENCH_REPORT_ITEMS ?? 100_000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
const ROUNDS = Math.min(RUNS, Number(process.env.BENCH_REPORT_ROUNDS ?? RUNS));
const GIVEN_PAGE = process.env.BENCH_REPORT_PAGE;
const log = (msg) => process.stderr.write(`bench-report: ${msg}\n`);
const round = (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}
const CHROMIUM = chromiumPath();
if (!CHROMIUM || !existsSync(CHROMIUM)) {
  log('chromium not found (apt-get install chromium, or set CHROMIUM_PATH); skipped');
  process.exit(0);
}

const { writeReport } = await import(join(ROOT, 'dist/pipeline/apps/report/index.js'));
const dir = join(ROOT, 'out/bench-report');
const { dbPath, items } = await largeDb({ main: MAIN, root: ROOT, dir, target: ITEMS, log });

const reportPath = GIVEN_PAGE ?? join(dir, 'report.html');
const writes = [];
let summary;
for (let k = 0; k < (GIVEN_PAGE ? 0 : Math.min(RUNS, 3)); k++) {
  const t = performance.now();
  summary = await writeReport({ db: dbPath, out: reportPath });
  writes.push(performance.now() - t);
}
const html = await readFile(reportPath, 'utf8');
if (GIVEN_PAGE) {
  const stat = (what) => Number(new RegExp(`<li id="stat-${what}"><b>(\\d+)</b>`).exec(html)?.[1] ?? NaN);
  summary = { bytes: Buffer.byteLength(html), documents: stat('documents'), items: stat('items'), jurisdictions: stat('jurisdictions') };
  writes.push(NaN);
}
const dataBytes = Buffer.byteLength(/<script type="application\/json" id="data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '');
log(`page: ${summary.bytes} bytes (${dataBytes} of them the data block)${GIVEN_PAGE ? '' : `, written in ${round(median(writes))} ms`}`);

/**
 * One interaction inside the page, timed from just before the event to the frame after it: a
 * requestAnimationFrame callback runs before that frame's style, layout and paint, and a task
 * queued from it runs after them. Returns the count line and the first row shown, to compare runs.
 */
function act(page, kind, arg) {
  return page.evaluate(
    async ([kind, arg]) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const scroller = document.getElementById('items-scroll');
      const t = performance.now();
      if (kind === 'type') {
        const q = document.getElementById('q');
        q.value = arg;
        q.dispatchEvent(new Event('input', { bubbles: true }));
      } else if (kind === 'select') {
        const s = document.getElementById(arg[0]);
        s.value = arg[1];
        s.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (kind === 'sort') {
        document.querySelectorAll('#items thead th button')[arg].click();
      } else if (kind === 'reset') {
        document.getElementById('reset').click();
      } else if (kind === 'scroll') {
        // The windowed table scrolls in its own box; the page before it scrolled the window.
        if (scroller) scroller.scrollTop = arg * (scroller.scrollHeight - scroller.clientHeight);
        else window.scrollTo(0, arg * (document.documentElement.scrollHeight - innerHeight));
      }
      await frame();
      const ms = performance.now() - t;
      const rows = Array.from(document.querySelectorAll('#items tbody tr')).filter((tr) => tr.querySelector('td.text'));
      const box = scroller ?? document.documentElement;
      const top = box.getBoundingClientRect().top;
      // The first row actually in view, so a scroll that draws nothing new shows as the same row.
      const first = rows.find((tr) => tr.getBoundingClientRect().bottom > Math.max(0, top) + 60) ?? rows[0];
      return {
        ms,
        count: document.getElementById('count').textContent,
        rows: rows.length,
        first: first ? Array.from(first.querySelectorAll('td'), (td) => td.textContent).join(' | ').slice(0, 120) : null,
      };
    },
    [kind, arg],
  );
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});
const loads = [];
const heaps = [];
const timings = new Map();
const checks = new Map();
const record = (what, r) => {
  log(`  ${what}: ${round(r.ms)} ms (${r.count})`);
  timings.set(what, [...(timings.get(what) ?? []), r.ms]);
  checks.set(what, `${r.count}; ${r.rows} rows in the DOM; first: ${r.first}`);
};
// A word in about 1.5 % of rows, and one in every row (all source paths hold it), the worst case.
const QUERIES = ['食品安全', 'fixtures'];
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.setDefaultTimeout(0);
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const t = performance.now();
    await page.goto(pathToFileURL(reportPath).href, { waitUntil: 'commit', timeout: 0 });
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 0, polling: 50 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    loads.push(performance.now() - t);
    heaps.push(await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null));
    log(`load ${run + 1}: ${round(loads.at(-1))} ms`);
    if (run >= ROUNDS) {
      await page.close();
      continue;
    }

    for (const q of QUERIES) {
      const chars = Array.from(q);
      for (let i = 1; i <= chars.length; i++) record(`type "${q}", per keystroke`, await act(page, 'type', chars.slice(0, i).join('')));
      for (let i = chars.length - 1; i >= 0; i--) record(`delete "${q}", per keystroke`, await act(page, 'type', chars.slice(0, i).join('')));
    }
    record('select kind = law_check', await act(page, 'select', ['f-kind', 'law_check']));
    record('type "食品安全" at once, kind selected', await act(page, 'type', '食品安全'));
    record('reset', await act(page, 'reset'));
    record('sort by year (first click)', await act(page, 'sort', 2));
    record('sort by year, reversed', await act(page, 'sort', 2));
    record('sort by text', await act(page, 'sort', 7));
    record('sort by jurisdiction', await act(page, 'sort', 0));
    record('scroll to the middle', await act(page, 'scroll', 0.5));
    record('scroll to the end', await act(page, 'scroll', 1));
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await page.close();
  }
} finally {
  await browser.close();
}

const results = [
  { what: 'load until the table is shown', ms: round(median(loads)), min: round(Math.min(...loads)), max: round(Math.max(...loads)), check: '' },
  ...[...timings].map(([what, ms]) => ({ what, ms: round(median(ms)), min: round(Math.min(...ms)), max: round(Math.max(...ms)), check: checks.get(what) })),
];
const doc = {
  date: new Date().toISOString(),
  items,
  documents: summary.documents,
  jurisdictions: summary.jurisdictions,
  pageBytes: summary.bytes,
  dataBytes,
  writeMs: round(median(writes)),
  heapBytes: median(heaps.filter((h) => h !== null)) ?? null,
  runs: RUNS,
  rounds: ROUNDS,
  results,
};
await writeFile(join(ROOT, 'out/bench-report.json'), JSON.stringify(doc, null, 2) + '\n');
const mib = (b) => round(b / 1024 / 1024, 1);
process.stdout.write(
  `\nReport page for ${items.toLocaleString('en')} items, ${summary.documents.toLocaleString('en')} documents, ${summary.jurisdictions} jurisdictions: ` +
    `${mib(summary.bytes)} MiB (data block ${mib(dataBytes)} MiB), ${GIVEN_PAGE ? `given as ${GIVEN_PAGE}` : `written in ${round(median(writes))} ms`}; ` +
    `JS heap after load ${doc.heapBytes === null ? '?' : `${mib(doc.heapBytes)} MiB`}. Headless Chromium, ${RUNS} loads, ${ROUNDS} rounds of interactions:\n\n` +
    '| in the page | median ms | min | max |\n|---|---:|---:|---:|\n' +
    results.map((x) => `| ${x.what} | ${x.ms} | ${x.min} | ${x.max} |`).join('\n') +
    '\n\nWhat each showed (the same before and after a change to the page):\n\n' +
    results.filter((x) => x.check).map((x) => `- ${x.what}: ${x.check}`).join('\n') +
    '\n',
);
