import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY, ingest } from '../pipeline/run/ingest.js';
import { dumpDatabase } from './helpers/db-dump.js';
import { startRedis, type PrivateRedis } from './helpers/redis.mjs';

/**
 * The queued run (renda ingest --queue, renda worker) against the local one, on a private Redis:
 * the same database content and the same JSON bytes, and BullMQ's guarantees where processes die
 * (a worker killed in the middle of OCR, the submitter killed, Redis restarted). Every process is
 * the real CLI; each test uses its own Redis database so jobs of one never meet another's.
 */
const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const cli = join(root, 'pipeline/apps/cli/main.ts');
// One process per CLI (node with tsx's loader, not the tsx wrapper, which would leave its child
// running when killed with SIGKILL).
const NODE_ARGS = ['--import', 'tsx', cli];
// Short, so a killed worker's job is taken up within seconds; long enough that no synchronous step of
// a page (preprocessing, analysis) on a busy 2-core machine outlasts it and loses a live worker's lock.
const LOCK_MS = '5000';

let redis: PrivateRedis | null;
let work: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  redis = await startRedis();
  work = mkdtempSync(join(tmpdir(), 'renda-queue-'));
}, 30_000);

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await redis?.dispose();
  rmSync(work, { recursive: true, force: true });
});

const fx = (p: string) => join(root, 'fixtures', p);

/** A folder with the batch's files, copied so every run names them by the same paths. */
function batchDir(name: string, files: string[], extra: Record<string, string | Uint8Array> = {}): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(fx(f), join(dir, basename(f)));
  for (const [n, content] of Object.entries(extra)) writeFileSync(join(dir, n), content);
  return dir;
}

const queueUrl = (db: number) => `${redis!.url.replace(/\/0$/, '')}/${db}`;

function startWorker(url: string, name: string): ChildProcess & { log: () => string } {
  const child = spawn(process.execPath, [...NODE_ARGS, 'worker', '--queue', url, '--lock-ms', LOCK_MS], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  child.once('exit', () => children.delete(child));
  return Object.assign(child, { log: () => `${name}: ${log}` });
}

async function stopAll(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.exitCode !== null || w.signalCode !== null) return resolve();
          w.once('exit', () => resolve());
          w.kill('SIGTERM');
        }),
    ),
  );
}

async function renda(args: string[], timeout = 240_000): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...NODE_ARGS, ...args], { cwd: root, timeout, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function status(url: string): Promise<{ counts: Record<string, number>; hosts: Array<{ host: string; workers: number; active: number; done: number; failed: number }> }> {
  const r = await renda(['queue', 'status', '--queue', url, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const doneByWorkers = async (url: string) => (await status(url)).hosts.reduce((n, h) => n + h.done + h.failed, 0);

async function until(what: string, test: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const jsonFiles = (out: string) => Object.fromEntries(readdirSync(join(out, 'json')).sort().map((f) => [f, readFileSync(join(out, 'json', f))]));

/** The local run's output for a batch, the reference every queued run is held to. */
async function localRun(dir: string, name: string): Promise<string> {
  const out = join(work, name);
  await ingest({ inputs: [dir], out, concurrency: DEFAULT_CONCURRENCY, handleSignals: false });
  return out;
}

async function expectSameOutput(queued: string, local: string): Promise<void> {
  expect(await dumpDatabase(join(queued, 'renda.sqlite'))).toEqual(await dumpDatabase(join(local, 'renda.sqlite')));
  const q = jsonFiles(queued);
  const l = jsonFiles(local);
  expect(Object.keys(q)).toEqual(Object.keys(l));
  for (const f of Object.keys(l)) expect(q[f].equals(l[f]), `${f} is not byte-identical`).toBe(true);
  expect(readFileSync(join(queued, 'failures.json'), 'utf8')).toBe(readFileSync(join(local, 'failures.json'), 'utf8'));
  expect(readdirSync(join(queued, 'json')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

describe('renda ingest --queue with renda worker', () => {
  it('needs redis-server (installed by .ci/run); without it, outside CI, the queue tests are skipped', () => {
    if (!redis) console.warn('redis-server is not installed: the queue tests are skipped (CI installs it and fails without it)');
    expect(redis !== null || !process.env.CI).toBe(true);
  });

  it('three workers give the local run\'s database content and byte-identical JSON, text, HTML, PDF, DOCX and a scan, failures included', async () => {
    if (!redis) return;
    const dir = batchDir('mixed', ['text/000_aed2f3b3ef629585.txt', 'text/001_754274ce12da7e36.txt', 'html/004_17a05f8ec4f51702.html', 'pdf/002_4ff2a9da724ed550.pdf', 'docx/agenda_table.docx', 'scan/000_page-10.jpg'], {
      'broken.pdf': '%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a PDF body',
      'empty.txt': '',
    });
    const local = await localRun(dir, 'mixed-local');
    const url = queueUrl(1);
    const workers = ['a', 'b', 'c'].map((n) => startWorker(url, n));
    try {
      const out = join(work, 'mixed-queued');
      const r = await renda(['ingest', dir, '--out', out, '--queue', url]);
      expect(r.code, r.stderr + workers.map((w) => w.log()).join('\n')).toBe(1); // two files fail, as locally
      expect(r.stdout, r.stderr + workers.map((w) => w.log()).join('\n')).toMatch(/^renda: 8 files, \d+ documents, \d+ items, \d+ warnings, 2 failures, 0 skipped, 1 pages OCR'd, /m);
      await expectSameOutput(out, local);
      const failures = JSON.parse(readFileSync(join(out, 'failures.json'), 'utf8')) as Array<{ path: string; code: string }>;
      expect(failures.map((f) => [basename(f.path), f.code])).toEqual([['broken.pdf', 'corrupt_pdf'], ['empty.txt', 'empty_file']]);

      // A file's own error is not retried: one attempt, listed with its code.
      const failed = await renda(['queue', 'failed', '--queue', url, '--json']);
      const listed = JSON.parse(failed.stdout) as Array<{ path: string; code: string; attempts: number }>;
      expect(listed.map((f) => [basename(f.path), f.code, f.attempts]).sort()).toEqual([['broken.pdf', 'corrupt_pdf', 1], ['empty.txt', 'empty_file', 1]]);

      const s = await status(url);
      expect(s.counts).toMatchObject({ waiting: 0, active: 0, done: 6, failed: 2 });
      expect(s.hosts).toHaveLength(1);
      expect(s.hosts[0]).toMatchObject({ workers: 3, done: 6, failed: 2 });

      // Submitted again, to a new folder: the jobs are found done, no worker does anything twice.
      const again = join(work, 'mixed-again');
      const r2 = await renda(['ingest', dir, '--out', again, '--queue', url]);
      expect(r2.code).toBe(1);
      expect(await doneByWorkers(url)).toBe(8);
      await expectSameOutput(again, local);
    } finally {
      await stopAll(workers);
    }
  }, 300_000);

  it('a worker killed with SIGKILL in the middle of OCR: another takes the job up, the batch finishes, each file stored once', async () => {
    if (!redis) return;
    const dir = batchDir('killed-worker', ['scan/002_page-1.jpg', 'text/002_4ff2a9da724ed550.txt']);
    const local = await localRun(dir, 'killed-worker-local');
    const url = queueUrl(2);
    const first = startWorker(url, 'first');
    const out = join(work, 'killed-worker-queued');
    const submitted = renda(['ingest', dir, '--out', out, '--queue', url]);
    // The text file is done in milliseconds; the scan is the job in hand.
    await until('the first worker to hold the scan', async () => (await status(url)).counts.active === 1 && (await doneByWorkers(url)) === 1);
    first.kill('SIGKILL');
    const second = startWorker(url, 'second');
    try {
      const r = await submitted;
      expect(r.code, r.stderr + second.log()).toBe(0);
      await expectSameOutput(out, local);
      const s = await status(url);
      expect(s.counts).toMatchObject({ done: 2, failed: 0, active: 0 });
    } finally {
      await stopAll([first, second]);
    }
  }, 300_000);

  it('the submitter killed with SIGKILL: the same command again finishes the batch, nothing done twice', async () => {
    if (!redis) return;
    const texts = readdirSync(fx('heldout2')).filter((f) => f.endsWith('.txt')).map((f) => `heldout2/${f}`);
    const dir = batchDir('killed-submitter', [...texts, 'scan/002_page-2.jpg']);
    const local = await localRun(dir, 'killed-submitter-local');
    const url = queueUrl(3);
    const workers = [startWorker(url, 'a'), startWorker(url, 'b')];
    const out = join(work, 'killed-submitter-queued');
    try {
      const submitter = spawn(process.execPath, [...NODE_ARGS, 'ingest', dir, '--out', out, '--queue', url, '--quiet'], { cwd: root, stdio: 'ignore' });
      children.add(submitter);
      await until('some results stored', () => existsSync(join(out, 'json')) && readdirSync(join(out, 'json')).length >= 2);
      submitter.kill('SIGKILL');
      await new Promise((r) => submitter.once('exit', r));
      const r = await renda(['ingest', dir, '--out', out, '--queue', url]);
      expect(r.code, r.stderr).toBe(0);
      await expectSameOutput(out, local);
      // Each distinct file was worked on once, whether its result was stored before the kill or after.
      expect(await doneByWorkers(url)).toBe(texts.length + 1);
    } finally {
      await stopAll(workers);
    }
  }, 300_000);

  // With the append-only file (as README advises) nothing is lost; without persistence (a restart
  // that loses the data) the submitter finds its jobs gone and sends them, bytes and all, again.
  it.each([
    { kept: true, db: 4, scans: ['scan/002_page-3.jpg', 'scan/002_page-4.jpg'], text: 'text/003_056d0c26d8709168.txt' },
    { kept: false, db: 6, scans: ['scan/002_page-5.jpg', 'scan/002_page-6.jpg'], text: 'text/004_17a05f8ec4f51702.txt' },
  ])('Redis restarted in the middle of a batch (data kept: $kept): workers and the submitter reconnect and finish', async ({ kept, db, scans, text }) => {
    if (!redis) return;
    const name = `redis-restart-${kept ? 'kept' : 'lost'}`;
    const dir = batchDir(name, [...scans, text]);
    const local = await localRun(dir, `${name}-local`);
    const url = queueUrl(db);
    const workers = [startWorker(url, 'a')];
    const out = join(work, `${name}-queued`);
    try {
      const submitted = renda(['ingest', dir, '--out', out, '--queue', url]);
      await until('a scan in hand', async () => (await status(url)).counts.active === 1);
      if (kept) await redis.restart();
      else {
        await redis.kill9();
        rmSync(join(redis.dir, 'appendonlydir'), { recursive: true, force: true });
        await redis.restart();
      }
      const r = await submitted;
      expect(r.code, r.stderr + workers[0].log()).toBe(0);
      await expectSameOutput(out, local);
    } finally {
      await stopAll(workers);
    }
  }, 300_000);

  it('Redis gone longer than --queue-wait: the submitter stops with exit 3, and the same command resumes once Redis is back', async () => {
    if (!redis) return;
    const dir = batchDir('redis-gone', ['scan/002_page-7.jpg', 'scan/000_page-11.jpg', 'text/001_754274ce12da7e36.txt']);
    const local = await localRun(dir, 'redis-gone-local');
    const url = queueUrl(7);
    const workers = [startWorker(url, 'a')];
    const out = join(work, 'redis-gone-queued');
    try {
      const submitted = renda(['ingest', dir, '--out', out, '--queue', url, '--queue-wait', '3']);
      await until('a scan in hand', async () => (await status(url)).counts.active === 1);
      await redis.kill9();
      const stopped = await submitted;
      expect(stopped.code, stopped.stderr).toBe(3);
      expect(stopped.stderr).toMatch(/queue_unreachable: Redis at redis:\/\/127\.0\.0\.1:\d+\/7 has been out of reach for 3 s/);
      expect(existsSync(join(out, 'failures.json'))).toBe(true);
      expect(readdirSync(join(out, 'json')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      await redis.restart();
      const resumed = await renda(['ingest', dir, '--out', out, '--queue', url]);
      expect(resumed.code, resumed.stderr + workers[0].log()).toBe(0);
      await expectSameOutput(out, local);
    } finally {
      await stopAll(workers);
    }
  }, 300_000);

  it('refuses a bad queue URL before any file is read, stops with exit 3 when Redis is not there, and fails a file too large for the queue alone', async () => {
    if (!redis) return;
    const dir = batchDir('limits', ['text/000_aed2f3b3ef629585.txt', 'pdf/000_aed2f3b3ef629585.pdf']);
    const bad = await renda(['ingest', dir, '--out', join(work, 'bad-url'), '--queue', 'http://localhost:6379']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--queue: expected redis:\/\/ or rediss:\/\//);
    expect(existsSync(join(work, 'bad-url'))).toBe(false);

    const gone = await renda(['ingest', dir, '--out', join(work, 'no-redis'), '--queue', 'redis://127.0.0.1:1/0']);
    expect(gone.code).toBe(3);
    expect(gone.stderr).toMatch(/queue_unreachable: cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0/);

    const url = queueUrl(5);
    const workers = [startWorker(url, 'a')];
    try {
      const out = join(work, 'limits-queued');
      const r = await renda(['ingest', dir, '--out', out, '--queue', url, '--max-queue-file', '100KB']);
      expect(r.code).toBe(1);
      const failures = JSON.parse(readFileSync(join(out, 'failures.json'), 'utf8')) as Array<{ path: string; code: string }>;
      expect(failures.map((f) => [basename(f.path), f.code])).toEqual([['000_aed2f3b3ef629585.pdf', 'too_large_for_queue']]);
      expect(readdirSync(join(out, 'json'))).toHaveLength(1);
    } finally {
      await stopAll(workers);
    }
  }, 120_000);
});
