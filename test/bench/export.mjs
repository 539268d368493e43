#!/usr/bin/env node
/**
 * Benchmark of `renda export` on a generated database of a million items (run with `npm run bench`
 * or `npm run bench:export`, which build first). The database is the `npm start` fixtures copied
 * by SQL until it holds BENCH_EXPORT_ITEMS items (`_large-db.mjs`); it is kept in
 * out/bench-export/ and reused while it has that many items, since making it takes about half a
 * minute. Each format then runs as the real CLI in a child process under GNU `time -v` (elapsed
 * time and peak RSS, the child's own), exporting every item (`--table items --all-copies`).
 *
 * Prints a Markdown table and writes out/bench-export.json. No timing assertions.
 *
 * Environment (optional):
 *   BENCH_EXPORT_ITEMS    items in the generated database (default 1000000)
 *   BENCH_EXPORT_FORMATS  formats to run, comma-separated (default parquet,csv,xlsx,jsonl)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAIN, parseGnuTime, ROOT } from './_cli.mjs';
import { largeDb } from './_large-db.mjs';

const ITEMS = Number(process.env.BENCH_EXPORT_ITEMS ?? 1_000_000);
const FORMATS = (process.env.BENCH_EXPORT_FORMATS ?? 'parquet,csv,xlsx,jsonl').split(',').map((f) => f.trim()).filter(Boolean);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const log = (msg) => process.stderr.write(`bench-export: ${msg}\n`);
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const { dbPath, items } = await largeDb({ main: MAIN, root: ROOT, dir: join(ROOT, 'out/bench-export'), target: ITEMS, log });

const work = await mkdtemp(join(tmpdir(), 'renda-bench-export-'));
const results = [];
try {
  for (const format of FORMATS) {
    const out = join(work, format);
    const args = [MAIN, 'export', '--db', dbPath, '--format', format, '--table', 'items', '--all-copies', '--out', out];
    log(`${format}…`);
    const t = performance.now();
    const r = TIME
      ? spawnSync(TIME, ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
      : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = (performance.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`export --format ${format} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
    const time = TIME ? parseGnuTime(r.stderr) : { seconds: wall, peakKiB: null, cpuPercent: null };
    const measured = { seconds: time.seconds, rssMiB: time.peakKiB === null ? null : round(time.peakKiB / 1024, 0), cpu: time.cpuPercent };
    const bytes = readdirSync(out).reduce((n, f) => n + statSync(join(out, f)).size, 0);
    const notes = r.stderr.split('\n').filter((l) => l.startsWith('renda: ')).map((l) => l.slice(7));
    results.push({ format, rows: items, seconds: round(measured.seconds ?? wall), peakRssMiB: measured.rssMiB, cpuPercent: measured.cpu, fileMiB: round(bytes / 1024 / 1024), notes });
    log(`${format}: ${round(measured.seconds ?? wall)} s, ${measured.rssMiB ?? '?'} MiB peak`);
    await rm(out, { recursive: true, force: true });
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

const doc = { date: new Date().toISOString(), items, results };
await writeFile(join(ROOT, 'out/bench-export.json'), JSON.stringify(doc, null, 2) + '\n');
process.stdout.write(
  `\nExport of ${items.toLocaleString('en')} items (--table items --all-copies)\n\n` +
    '| format | seconds | peak RSS (MiB) | CPU | output (MiB) | rows/s |\n|---|---:|---:|---:|---:|---:|\n' +
    results
      .map((x) => `| ${x.format} | ${x.seconds} | ${x.peakRssMiB ?? '–'} | ${x.cpuPercent === null ? '–' : `${x.cpuPercent} %`} | ${x.fileMiB} | ${Math.round(x.rows / x.seconds).toLocaleString('en')} |`)
      .join('\n') +
    '\n' +
    results.flatMap((x) => x.notes.map((n) => `\n${x.format}: ${n}`)).join('') +
    '\n',
);
