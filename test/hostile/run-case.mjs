// Runs one hostile case as a user would: the built CLI in a child process, the hostile file and a
// good file in one batch, under GNU time when it is installed (peak RSS). Returns what came of it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOOD } from './cases.mjs';

const GNU_TIME = '/usr/bin/time';

/**
 * c: a case from cases.mjs; main: the CLI's entry (dist/pipeline/apps/cli/main.js, or the TypeScript one
 * with nodeArgs ['--import', 'tsx']); timeoutMs: the child is killed after it (a hang is a result too).
 */
export async function runCase(c, { main, nodeArgs = [], timeoutMs = 120_000, extraArgs = [] }) {
  const dir = mkdtempSync(join(tmpdir(), 'renda-hostile-'));
  try {
    const input = join(dir, 'in');
    const out = join(dir, 'out');
    await import('node:fs/promises').then((fs) => fs.mkdir(input));
    writeFileSync(join(input, c.file), c.bytes());
    writeFileSync(join(input, GOOD.file), GOOD.bytes());
    const args = [...nodeArgs, main, 'ingest', input, '--out', out, '--json', '--no-similar', ...(c.limits ?? []), ...extraArgs];
    const timed = existsSync(GNU_TIME);
    const started = performance.now();
    const child = spawn(timed ? GNU_TIME : process.execPath, timed ? ['-v', process.execPath, ...args] : args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const exit = await new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
    clearTimeout(timer);
    const seconds = (performance.now() - started) / 1000;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    let summary = null;
    try {
      summary = JSON.parse(stdout);
    } catch {
      /* a crash prints no summary: reported as such */
    }
    const jsonDir = join(out, 'json');
    const written = existsSync(jsonDir) ? readdirSync(jsonDir).map((f) => readFileSync(join(jsonDir, f), 'utf8')) : [];
    const failure = summary?.failures?.find((f) => f.path.endsWith(c.file)) ?? null;
    const goodWritten = written.some((j) => j.includes('2024年工作要点'));
    const hostileJson = written.find((j) => !j.includes('2024年工作要点')) ?? null;
    return {
      exit,
      timedOut,
      seconds,
      peakMiB: rss ? Number(rss[1]) / 1024 : null,
      code: failure?.code ?? null,
      message: failure?.message ?? null,
      items: hostileJson ? (hostileJson.match(/"kind":/g) ?? []).length : 0,
      hostileJson,
      goodWritten,
      stderr: stderr.replace(/\n\tCommand being timed[\s\S]*$/, '').trim(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a result is what the case asks for; returns the reason when not. */
export function verdict(c, r) {
  if (r.timedOut) return 'timed out';
  if (!r.goodWritten) return 'the good file in the batch was not written';
  if (/at .*\.js:\d+|RangeError|TypeError|Maximum call stack|Invalid string length|skia/i.test(r.stderr + (r.message ?? ''))) return `engine message or stack: ${r.message ?? r.stderr.slice(0, 200)}`;
  if (c.codes) return c.codes.includes(r.code) ? null : `expected ${c.codes.join('|')}, got ${r.code ?? 'success'}${r.message ? `: ${r.message}` : ''}`;
  if (r.code) return `expected text, got ${r.code}: ${r.message}`;
  if (r.items === 0) return 'no items';
  if (c.mustNotContain && r.hostileJson?.includes(c.mustNotContain)) return `output contains ${c.mustNotContain}`;
  return null;
}
