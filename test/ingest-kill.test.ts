import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Db } from '../pipeline/store/db.js';

/**
 * The local runner's crash guarantee (issue 13): `kill -9` in the middle of a batch, then the same
 * command again, leaves every file stored exactly once: one JSON file and one source row each, and the
 * same rows as a batch that was never interrupted.
 */
const cli = fileURLToPath(new URL('../pipeline/apps/cli/main.ts', import.meta.url));
const FILES = 90;

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'renda-kill-in-'));
  const seeds = ['000_aed2f3b3ef629585.txt', '001_754274ce12da7e36.txt', '002_4ff2a9da724ed550.txt'].map((f) =>
    readFileSync(new URL(`../fixtures/text/${f}`, import.meta.url), 'utf8'),
  );
  // A whitespace line that spells the copy's number: distinct bytes, the same text.
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `c${i}.txt`), `${seeds[i % seeds.length]}\n${i.toString(2).replace(/1/g, '\t').replace(/0/g, ' ')}\n`);
  return dir;
}

const ingest = (input: string, out: string) =>
  spawn(process.execPath, ['--import', 'tsx', cli, 'ingest', input, '--out', out, '--quiet', '--no-similar'], { stdio: 'ignore' });
const exited = (child: ReturnType<typeof spawn>) => new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
const jsonCount = (out: string) => {
  try {
    return readdirSync(join(out, 'json')).filter((f) => f.endsWith('.json')).length;
  } catch {
    return 0;
  }
};

async function rows(out: string): Promise<{ sources: number; shas: number; items: number }> {
  const db = await Db.open(join(out, 'renda.sqlite'), 'ro');
  try {
    const [s] = await db.all<{ sources: number; shas: number }>('SELECT count(*) AS sources, count(DISTINCT sha256) AS shas FROM sources');
    const [i] = await db.all<{ items: number }>('SELECT count(*) AS items FROM items');
    return { ...s, ...i };
  } finally {
    await db.close();
  }
}

describe('ingest killed with SIGKILL in the middle of a batch', () => {
  it('the same command again stores every file exactly once', async () => {
    const input = corpus();
    const out = mkdtempSync(join(tmpdir(), 'renda-kill-out-'));
    mkdirSync(join(out, 'json'), { recursive: true });
    const first = ingest(input, out);
    const deadline = Date.now() + 60_000;
    while (jsonCount(out) < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    first.kill('SIGKILL');
    await exited(first);
    const stored = jsonCount(out);
    expect(stored).toBeGreaterThanOrEqual(10);
    expect(stored).toBeLessThan(FILES);

    expect(await exited(ingest(input, out))).toBe(0);
    expect(jsonCount(out)).toBe(FILES);
    const after = await rows(out);
    expect(after.sources).toBe(FILES);
    expect(after.shas).toBe(FILES);

    // …and the same rows as a run that was never interrupted.
    const clean = mkdtempSync(join(tmpdir(), 'renda-kill-clean-'));
    expect(await exited(ingest(input, clean))).toBe(0);
    expect(after).toEqual(await rows(clean));
  }, 180_000);
});
