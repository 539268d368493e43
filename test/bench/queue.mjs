#!/usr/bin/env node
/**
 * Queued against local (`npm run bench -- queue`): the same batch through `renda ingest` in one
 * process, and through `renda ingest --queue` with 2 `renda worker` processes on a private
 * redis-server, on this machine. Two batches: text documents (where the queue's own cost per file
 * shows: the aim is queued ≥ 0.8 × local documents a second) and page scans (where the work is
 * OCR and two workers may gain). Also checks that both runs stored the same numbers of documents
 * and items. Prints a table and writes out/bench-queue.json; no assertion on time.
 *
 * Environment: QUEUE_COPIES (default 3: each text file that many times, with distinct bytes),
 * QUEUE_RUNS (default 3: each figure is the median of that many runs), QUEUE_SCANS (default 1:
 * set 0 to skip the scan batch), QUEUE_WORKERS (default 2).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIN, ROOT } from './_cli.mjs';
import { startRedis } from '../helpers/redis.mjs';

const COPIES = Number(process.env.QUEUE_COPIES ?? 3);
const RUNS = Number(process.env.QUEUE_RUNS ?? 3);
const SCANS = process.env.QUEUE_SCANS !== '0';
const WORKERS = Number(process.env.QUEUE_WORKERS ?? 2);

// The tests' private Redis, without the append-only file (its fsync on every write would be the
// bench's cost, not the queue's).
const redis = await startRedis({ appendOnly: false });
if (!redis) {
  console.log('redis-server is not installed (apt-get install redis-server): the queue bench is skipped');
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'renda-bench-queue-'));
const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

// The text batch: every text document the repository holds, COPIES times with distinct bytes (a
// copy differs by trailing line breaks, which analysis ignores), so no job is a duplicate of another.
const textDir = join(work, 'text');
mkdirSync(textDir);
const textSources = ['fixtures/real', 'fixtures/text', 'fixtures/heldout', 'fixtures/heldout2', 'fixtures/compare'].flatMap((d) =>
  readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, d, f)),
);
for (let k = 0; k < COPIES; k++) {
  for (const [i, f] of textSources.entries()) writeFileSync(join(textDir, `${k}-${i}.txt`), Buffer.concat([readFileSync(f), Buffer.from('\n'.repeat(k + 1))]));
}
const scanDir = join(work, 'scan');
mkdirSync(scanDir);
for (const f of readdirSync(join(ROOT, 'fixtures/scan')).filter((f) => f.endsWith('.jpg'))) copyFileSync(join(ROOT, 'fixtures/scan', f), join(scanDir, f));

console.log(`queued vs local, ${cpus().length} cores (${cpus()[0].model.trim()}), ${WORKERS} workers, median of ${RUNS} runs\n`);
console.log('| batch | files | documents | items | local s | queued s | local docs/s | queued docs/s | queued / local |');
console.log('|---|---|---|---|---|---|---|---|---|');
const rows = [];
for (const [label, dir, runs] of [['text', textDir, RUNS], ...(SCANS ? [['scans (OCR)', scanDir, 1]] : [])]) {
  const locals = [];
  const queued = [];
  for (let r = 0; r < runs; r++) {
    locals.push(ingest(dir, join(work, `${label}-local-${r}`), []));
    // A fresh Redis database and fresh workers each run, started (models loaded) before the clock.
    const db = r + 1;
    const url = `redis://127.0.0.1:${redis.port}/${db}`;
    const workers = await startWorkers(url);
    queued.push(ingest(dir, join(work, `${label}-queued-${r}`), ['--queue', url]));
    await stopWorkers(workers);
  }
  const l = median(locals);
  const q = median(queued);
  if (l.summary.documents !== q.summary.documents || l.summary.items !== q.summary.items) {
    console.error(`bench: ${label}: the queued run stored ${q.summary.documents} documents / ${q.summary.items} items, the local one ${l.summary.documents} / ${l.summary.items}`);
    process.exitCode = 1;
  }
  const row = {
    batch: label,
    files: l.summary.files,
    documents: l.summary.documents,
    items: l.summary.items,
    localSeconds: l.seconds,
    queuedSeconds: q.seconds,
    localDocsPerSecond: l.summary.files / l.seconds,
    queuedDocsPerSecond: q.summary.files / q.seconds,
    ratio: l.seconds / q.seconds,
  };
  rows.push(row);
  console.log(`| ${label} | ${row.files} | ${row.documents} | ${row.items} | ${row.localSeconds.toFixed(2)} | ${row.queuedSeconds.toFixed(2)} | ${row.localDocsPerSecond.toFixed(1)} | ${row.queuedDocsPerSecond.toFixed(1)} | ${row.ratio.toFixed(2)} |`);
}
mkdirSync(join(ROOT, 'out'), { recursive: true });
writeFileSync(join(ROOT, 'out/bench-queue.json'), JSON.stringify({ cpus: cpus().length, model: cpus()[0].model.trim(), workers: WORKERS, copies: COPIES, runs: RUNS, rows }, null, 2) + '\n');
console.log('\nqueued / local: documents a second queued over local (above 1, the queue is faster); whole command, start-up included');
// The exit handlers kill Redis and the workers and remove the folders; without an exit Redis keeps the process alive.
process.exit();

/** One `renda ingest` as a whole process, timed from spawn to exit. */
function ingest(dir, out, extra) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [MAIN, 'ingest', dir, '--out', out, '--json', '--no-similar', ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) {
    console.error(`bench: ingest ${extra.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  return { seconds, summary: JSON.parse(r.stdout) };
}

async function startWorkers(url) {
  const workers = [];
  for (let i = 0; i < WORKERS; i++) {
    const w = spawn(process.execPath, [MAIN, 'worker', '--queue', url, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.add(w);
    let log = '';
    w.stderr.on('data', (d) => (log += d));
    workers.push(w);
    await waitFor(() => log.includes('taking jobs'));
  }
  return workers;
}

async function stopWorkers(workers) {
  await Promise.all(workers.map((w) => new Promise((resolve) => {
    w.once('exit', resolve);
    w.kill('SIGTERM');
  })));
  for (const w of workers) children.delete(w);
}

function median(runs) {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
}

async function waitFor(test, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('bench: timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
