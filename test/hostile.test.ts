/**
 * Hostile input, each case ingested by the real CLI in a child process beside a good file: the
 * case gives its text or its own stable code, never an engine message or a stack, and the good file
 * is still written. Cases are generated here (test/hostile/cases.mjs); the large sizes, with time and
 * peak memory, are `npm run bench -- hostile`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM test helpers, shared with the benchmark
import { cases } from './hostile/cases.mjs';
// @ts-expect-error: plain ESM test helpers, shared with the benchmark
import { runCase, verdict } from './hostile/run-case.mjs';

const main = fileURLToPath(new URL('../pipeline/apps/cli/main.ts', import.meta.url));

interface Case {
  name: string;
  file: string;
  codes?: string[];
  text?: boolean;
}

describe.concurrent('hostile input: each case gives text or its code, and the batch goes on', () => {
  for (const c of cases(1) as Case[]) {
    it(c.name, async () => {
      const r = await runCase(c, { main, nodeArgs: ['--import', 'tsx'], timeoutMs: 100_000 });
      expect(verdict(c, r), JSON.stringify({ code: r.code, message: r.message, items: r.items, stderr: r.stderr.slice(0, 500) })).toBeNull();
      // Exit 1 when the hostile file failed (the batch still wrote the good one), 0 when it was read.
      expect(r.exit).toBe(c.codes ? 1 : 0);
      if (c.codes) expect(r.message).toMatch(/\S/);
    }, 120_000);
  }
});
