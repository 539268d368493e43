#!/usr/bin/env node
// `npm run bench [-- <name…>]`: every benchmark in turn, or the ones named (e.g. `-- hostile`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './_cli.mjs';

const BENCHES = {
  ingest: 'bench.mjs',
  read: 'read.mjs',
  report: 'report.mjs',
  export: 'export.mjs',
  ocr: 'ocr.mjs',
  'ocr-memory': 'ocr-memory.mjs',
  real: 'real.mjs',
  'ocr-traditional': 'ocr-traditional.mjs',
  hostile: 'hostile.mjs',
  crawl: 'crawl.mjs',
  queue: 'queue.mjs',
  throughput: 'throughput.mjs',
};
const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in BENCHES));
if (unknown.length) {
  process.stderr.write(`bench: unknown ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}\n`);
  process.exit(2);
}
let failed = 0;
for (const name of names.length ? names : Object.keys(BENCHES)) {
  process.stdout.write(`\n## bench: ${name}\n\n`);
  const r = spawnSync(process.execPath, [join(ROOT, 'test/bench', BENCHES[name])], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
