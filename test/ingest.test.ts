import { execFile, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceResult } from '../schemas/index.js';
import { Db } from '../pipeline/store/db.js';
import { DEFAULT_CONCURRENCY, ingest, type IngestSummary } from '../pipeline/run/ingest.js';
import { fixture } from './helpers.js';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../pipeline/apps/cli/main.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

/** A batch with good files and the three kinds of bad input a researcher's folder holds. */
function makeBatch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'renda-batch-'));
  copyFileSync(fixture('text/002_4ff2a9da724ed550.txt'), join(dir, 'henan-2025.txt'));
  copyFileSync(fixture('text/000_aed2f3b3ef629585.txt'), join(dir, 'puyang-2023.txt'));
  const pdf = readFileSync(fixture('pdf/002_4ff2a9da724ed550.pdf'));
  writeFileSync(join(dir, 'corrupt.pdf'), pdf.subarray(0, 600)); // a download cut short
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'random.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(join(dir, 'scan.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0])); // a photo cut short
  writeFileSync(join(dir, 'notes.xlsx'), Buffer.from('PK\u0003\u0004'));
  copyFileSync(fixture('bad/encrypted.pdf'), join(dir, 'encrypted.pdf'));
  return dir;
}

describe('ingest: a batch with bad files', () => {
  let out: string;
  let summary: IngestSummary;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'renda-out-'));
    summary = await ingest({ inputs: [makeBatch()], out, concurrency: DEFAULT_CONCURRENCY });
  });

  it('fails each bad file with a stable code and its path, and writes the rest', () => {
    expect(summary.failures.map((f) => [f.path.split('/').pop(), f.code])).toEqual([
      ['corrupt.pdf', 'corrupt_pdf'],
      ['empty.txt', 'empty_file'],
      ['encrypted.pdf', 'encrypted_pdf'],
      ['random.bin', 'binary_file'],
      ['scan.jpg', 'corrupt_image'],
    ]);
    expect(summary.skipped.map((s) => s.path.split('/').pop())).toEqual(['notes.xlsx']);
    expect(summary.succeeded).toBe(2);
    expect(summary.documents).toBe(6);
    const failures = JSON.parse(readFileSync(join(out, 'failures.json'), 'utf8')) as unknown[];
    expect(failures).toHaveLength(5);
  });

  it('writes one valid JSON per good source, named by the first 16 hex digits of its sha256', () => {
    const files = readdirSync(join(out, 'json'));
    expect(files).toHaveLength(2);
    for (const f of files) {
      const result = SourceResult.parse(JSON.parse(readFileSync(join(out, 'json', f), 'utf8')));
      expect(f).toBe(`${result.source.id}.json`);
      expect(result.source.sha256.startsWith(result.source.id)).toBe(true);
    }
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('stores the items in SQLite with the analyst views, and re-ingesting replaces rather than duplicates', async () => {
    const count = async () => {
      const db = await Db.open(join(out, 'renda.sqlite'), 'ro');
      try {
        return {
          sources: (await db.get<{ n: number }>('select count(*) n from sources'))!.n,
          items: (await db.get<{ n: number }>('select count(*) n from items'))!.n,
          byLevel: await db.all('select level, kind, count(*) n from v_items group by 1, 2 order by 1, 2'),
          months: (await db.get<{ n: number }>('select count(*) n from v_month_kind'))!.n,
        };
      } finally {
        await db.close();
      }
    };
    const before = await count();
    expect(before.sources).toBe(2);
    expect(before.byLevel).toContainEqual({ level: 'province', kind: 'deputy', n: expect.any(Number) });
    expect(before.byLevel).toContainEqual({ level: 'county', kind: 'law_check', n: expect.any(Number) });
    expect(before.months).toBeGreaterThan(5);
    await ingest({ inputs: [fileURLToPath(fixture('text/002_4ff2a9da724ed550.txt'))], out, concurrency: DEFAULT_CONCURRENCY });
    const after = await count();
    expect(after.sources).toBe(2);
    expect(after.items).toBe(before.items);
  });
});

describe('ingest: a new version of a file', () => {
  it('replaces the old version stored for the same path, rows and JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renda-edit-'));
    const out = mkdtempSync(join(tmpdir(), 'renda-edit-out-'));
    const file = join(dir, 'plan.txt');
    writeFileSync(file, readFileSync(fixture('text/002_4ff2a9da724ed550.txt')));
    await ingest({ inputs: [file], out, concurrency: DEFAULT_CONCURRENCY });
    writeFileSync(file, readFileSync(fixture('text/002_4ff2a9da724ed550.txt'), 'utf8') + '\n附件：无\n');
    await ingest({ inputs: [file], out, concurrency: DEFAULT_CONCURRENCY });
    const db = await Db.open(join(out, 'renda.sqlite'), 'ro');
    try {
      expect((await db.get<{ n: number }>('select count(*) n from sources'))!.n).toBe(1);
      expect((await db.get<{ n: number }>('select count(*) n from items'))!.n).toBe(26);
    } finally {
      await db.close();
    }
    expect(readdirSync(join(out, 'json'))).toHaveLength(1);
  });
});

describe('ingest: after a run killed between write and rename', () => {
  it("removes a dead writer's temporary files and keeps a live writer's", async () => {
    const out = mkdtempSync(join(tmpdir(), 'renda-killed-out-'));
    mkdirSync(join(out, 'json'));
    const host = hostname().replace(/[^A-Za-z0-9_]/g, '_');
    // A pid that no longer runs (a child that has exited), and one that does (a child still asleep).
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const dead = [join(out, 'json', `0123456789abcdef.json.${host}-${gone}-0a1b2c3d.tmp`), join(out, `failures.json.${host}-${gone}-0a1b2c3d.tmp`)];
      const live = [
        join(out, 'json', `fedcba9876543210.json.${host}-${sleeper.pid}-0a1b2c3d.tmp`),
        // Another host's writer on a shared folder: its pids are not this host's.
        join(out, 'json', `fedcba9876543211.json.otherhost-${gone}-0a1b2c3d.tmp`),
      ];
      for (const f of [...dead, ...live]) writeFileSync(f, '{"half":');
      const summary = await ingest({ inputs: [fileURLToPath(fixture('text/002_4ff2a9da724ed550.txt'))], out, concurrency: DEFAULT_CONCURRENCY });
      expect(summary.failures).toEqual([]);
      for (const f of dead) expect(existsSync(f), f).toBe(false);
      for (const f of live) expect(existsSync(f), f).toBe(true);
      expect(readdirSync(join(out, 'json')).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    } finally {
      sleeper.kill();
    }
  });
});

describe('renda CLI', () => {
  it('exits 1 when some files fail and prints one error line per failure', async () => {
    const out = mkdtempSync(join(tmpdir(), 'renda-cli-'));
    const err = await run(tsx, [cli, 'ingest', makeBatch(), '--out', out]).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in err && err.code).toBe(1);
    expect(err.stderr).toMatch(/error corrupt_pdf .*corrupt\.pdf/);
    expect(err.stderr).toMatch(/error empty_file .*empty\.txt/);
    expect(err.stdout).toMatch(/renda: 7 files, 6 documents, \d+ items, \d+ warnings, 5 failures, 1 skipped/);
  });

  it('exits 2 on bad usage without touching anything', async () => {
    const err = await run(tsx, [cli, 'ingest', '--concurrency', 'extract=0', 'x']).catch((e: { code: number; stderr: string }) => e);
    expect('code' in err && err.code).toBe(2);
    expect(err.stderr).toMatch(/expected extract to be a whole number from 1 to 64/);
    const unknown = await run(tsx, [cli, 'frobnicate']).catch((e: { code: number }) => e);
    expect('code' in unknown && unknown.code).toBe(2);
  });

  it('prints the JSON Schema generated from the zod schemas', async () => {
    const { stdout } = await run(tsx, [cli, 'schema']);
    const schema = JSON.parse(stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['schemaVersion', 'source', 'documents']);
  });
});

describe('ingest: stopped by its caller', () => {
  const inputs = [fileURLToPath(fixture('text/002_4ff2a9da724ed550.txt')), fileURLToPath(fixture('text/000_aed2f3b3ef629585.txt'))];

  it('installs its SIGINT/SIGTERM handlers only when asked to', async () => {
    const before = process.listenerCount('SIGTERM');
    const during: number[] = [];
    for (const handleSignals of [true, false]) {
      const out = mkdtempSync(join(tmpdir(), 'renda-out-'));
      await ingest({ inputs: inputs.slice(0, 1), out, concurrency: DEFAULT_CONCURRENCY, similar: false, handleSignals, onFile: () => during.push(process.listenerCount('SIGTERM')) });
    }
    expect(during).toEqual([before + 1, before]);
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  it('reads no file once the signal is aborted, and lists them as stopped', async () => {
    const out = mkdtempSync(join(tmpdir(), 'renda-out-'));
    const controller = new AbortController();
    controller.abort();
    const summary = await ingest({ inputs, out, concurrency: DEFAULT_CONCURRENCY, signal: controller.signal, handleSignals: false });
    expect(summary.stopped).toEqual(inputs);
    expect([summary.succeeded, summary.failures.length, summary.documents]).toEqual([0, 0, 0]);
    expect(readdirSync(join(out, 'json'))).toEqual([]);
  });
});
