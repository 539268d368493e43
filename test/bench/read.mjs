#!/usr/bin/env node
/**
 * Benchmark of the read side (compare, search, similar, report) on a database far larger than the
 * fixtures (run with `npm run bench`, which builds first). The corpus is the bundled text fixtures
 * copied once per county of a real province list, each copy naming that county instead of its own
 * jurisdiction, so every copy is a distinct document of a distinct jurisdiction (not a twin) and
 * the similar-items table has real cross-jurisdiction work to do. Ingest runs the real CLI; the
 * queries run in this process against dist/, timed as an analyst would feel them (median of runs).
 *
 * Prints a Markdown table and writes out/bench-read.json. No timing assertions.
 *
 * Environment (optional): BENCH_READ_COPIES  copies of each fixture (default 120)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAIN, ROOT } from './_cli.mjs';
import { RENAMABLE_SOURCES, uniqueCounties } from './_corpus.mjs';

const dist = (p) => import(join(ROOT, 'dist', p));
const { openForReading } = await dist('pipeline/store/read/open.js');
const { search } = await dist('pipeline/store/read/search.js');
const { kindsTable, monthsTable, committeesTable, lawsTable } = await dist('pipeline/apps/compare/sections.js');
const { planReportPairs } = await dist('pipeline/apps/compare/plan-report.js');
const { loadCorpus } = await dist('pipeline/store/similar/corpus.js');
const { lexicalIndex } = await dist('pipeline/store/similar/method.js');
const { neighboursOf } = await dist('pipeline/store/similar/find.js');
const { writeReport } = await dist('pipeline/apps/report/index.js');

const COPIES = Number(process.env.BENCH_READ_COPIES ?? 120);
const log = (msg) => process.stderr.write(`bench-read: ${msg}\n`);
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Counties (names ending 县) used once in the country, so each copy resolves to one place. */
const counties = (n) => uniqueCounties().filter((c) => c.name.endsWith('县')).slice(0, n).map((c) => c.name);
const SOURCES = RENAMABLE_SOURCES;

async function timed(fn, runs = 5) {
  const times = [];
  let out;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    out = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: round(times[Math.floor(times.length / 2)], 1), out };
}

const work = await mkdtemp(join(tmpdir(), 'renda-bench-read-'));
try {
  const names = counties(COPIES);
  log(`writing ${names.length} × ${SOURCES.length} files`);
  const input = join(work, 'in');
  await mkdir(input);
  for (const [k, name] of names.entries()) {
    for (const [file, own] of SOURCES) {
      const text = readFileSync(join(ROOT, file), 'utf8').replaceAll(own, name);
      await writeFile(join(input, `${k}_${file.split('/').pop()}`), text);
    }
  }
  const out = join(work, 'out');
  log('ingesting');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [MAIN, 'ingest', input, '--out', out, '--quiet', '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`ingest failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  const ingestSeconds = (performance.now() - t0) / 1000;
  const summary = JSON.parse(r.stdout);
  const dbPath = join(out, 'renda.sqlite');
  const db = await openForReading(dbPath);
  const results = [];
  const add = (what, ms, note = '') => results.push({ what, ms, note });
  try {
    const jurisdictions = (await db.get('SELECT count(DISTINCT jurisdiction) AS n FROM v_documents')).n;
    log(`${summary.items} items, ${jurisdictions} jurisdictions`);
    for (const q of ['食品安全', '预算 审查', '国有资产管理情况', '代表建议办理', '执法检查 生态环境']) {
      const s = await timed(() => search(db, q, {}, 20));
      add(`search "${q}"`, s.ms, `${s.out.total} items`);
    }
    for (const [name, fn] of [['kinds', kindsTable], ['months', monthsTable], ['committees', committeesTable], ['laws', lawsTable]]) {
      const s = await timed(() => fn({ db, by: 'province', filter: {} }), 3);
      add(`compare --by province --section ${name}`, s.ms, `${s.out.rows.length} rows`);
    }
    const plans = await timed(() => planReportPairs(db, {}), 1);
    add('compare --section plans', plans.ms, `${plans.out.length} plan/report pairs`);
    const corpus = await timed(async () => {
      const items = await loadCorpus(db);
      return { items, index: lexicalIndex(items) };
    }, 1);
    add('similar: segment + index the corpus', corpus.ms, `${corpus.out.items.length} items`);
    const one = await timed(() => neighboursOf(corpus.out.items, corpus.out.index, 17, 10));
    add('similar: neighbours of one item', one.ms, `${one.out.length} found`);
    const report = await timed(() => writeReport({ db: dbPath, out: join(work, 'report.html') }), 1);
    add('report', report.ms, `${Math.round(report.out.bytes / 1024)} KiB page`);
  } finally {
    await db.close();
  }
  const doc = {
    date: new Date().toISOString(),
    files: summary.files,
    items: summary.items,
    ingestSeconds: round(ingestSeconds, 2),
    similarTable: summary.similar,
    results,
  };
  await mkdir(join(ROOT, 'out'), { recursive: true });
  await writeFile(join(ROOT, 'out/bench-read.json'), JSON.stringify(doc, null, 2) + '\n');
  process.stdout.write(
    `\nRead side on ${summary.files} files, ${summary.items} items (ingest ${round(ingestSeconds, 1)} s, of which the similar-items table ` +
      `${summary.similar?.seconds ?? '?'} s for ${summary.similar?.pairs ?? '?'} pairs)\n\n| operation | median ms | |\n|---|---:|---|\n` +
      results.map((x) => `| ${x.what} | ${x.ms} | ${x.note} |`).join('\n') +
      '\n',
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
