import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * A batch named file by file on the command line, with a scan among the files. onnxruntime reads the
 * whole command line when it starts and needs native stack in proportion to it (see
 * extractors/ocr/_onnx-stack.ts): with the default stacks, a 40 KB command line killed the process with
 * SIGSEGV before the first page, with one paddle engine or two.
 */
const run = promisify(execFile);
const cli = fileURLToPath(new URL('../pipeline/apps/cli/main.ts', import.meta.url));
const fx = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));

describe('renda ingest with a long command line', () => {
  // The same text named over and over is one file to the batch (paths are read once), 40 KB to the
  // kernel however long the checkout's path is.
  const text = fx('text/002_4ff2a9da724ed550.txt');
  const args = [fx('scan/002_page-1.jpg'), ...Array.from({ length: Math.ceil(40_500 / (text.length + 1)) }, () => text)];

  it.each(['1', '2'])('reads the scan with %s paddle engine(s)', async (workers) => {
    expect(args.join(' ').length).toBeGreaterThan(40_000);
    const out = mkdtempSync(join(tmpdir(), 'renda-long-argv-'));
    const r = await run(process.execPath, ['--import', 'tsx', cli, 'ingest', ...args, '--out', out, '--quiet', '--no-similar', '--ocr-workers', workers]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(readFileSync(join(out, 'failures.json'), 'utf8'))).toEqual([]);
    expect(readdirSync(join(out, 'json'))).toHaveLength(2);
  }, 180_000);
});
