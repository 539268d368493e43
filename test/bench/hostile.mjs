#!/usr/bin/env node
/**
 * Hostile input at full size (`npm run bench -- hostile`): every case of test/hostile/cases.mjs at
 * a large scale, each alone with a good file in the batch, at default limits unless the case sets
 * one; then text of 1, 10 and 50 MB in each shape with the character limit raised, to show time per
 * MB stays flat. Prints time and peak RSS per case; writes out/bench-hostile.json. No assertions
 * on time: the table is the result.
 *
 * Environment: HOSTILE_SCALE (default 50: 10,000 pages, 50 × the test sizes), HOSTILE_MB (default
 * "1,10,50"), HOSTILE_ONLY (substring of case names).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAIN, ROOT } from './_cli.mjs';
import { cases, TEXT_SHAPES, textShape } from '../hostile/cases.mjs';
import { runCase, verdict } from '../hostile/run-case.mjs';

const SCALE = Number(process.env.HOSTILE_SCALE ?? 50);
const SIZES = (process.env.HOSTILE_MB ?? '1,10,50').split(',').map(Number);
const ONLY = process.env.HOSTILE_ONLY ?? '';
const TIMEOUT_MS = 300_000;
const rows = [];
const fmt = (x, d = 1) => (x === null || x === undefined ? '–' : x.toFixed(d));

console.log(`hostile input, scale ${SCALE}, limits at defaults unless a case sets one\n`);
console.log('| case | MB | result | s | peak MiB | ok |');
console.log('|---|---|---|---|---|---|');
for (const c of cases(SCALE).filter((c) => c.name.includes(ONLY))) {
  const size = c.bytes().length / 1048576;
  const r = await runCase(c, { main: MAIN, timeoutMs: TIMEOUT_MS });
  const why = verdict(c, r);
  rows.push({ case: c.name, mb: size, code: r.code, items: r.items, seconds: r.seconds, peakMiB: r.peakMiB, ok: !why, why });
  console.log(`| ${c.name} | ${fmt(size, 2)} | ${r.code ?? `${r.items} items`} | ${fmt(r.seconds)} | ${fmt(r.peakMiB, 0)} | ${why ? `no: ${why}` : 'yes'} |`);
}

// Start-up (loading the CLI, opening the database) is paid once per run whatever the size; time per
// MB is measured beyond it, from a run of the good file alone.
const baseline = await runCase({ name: 'start-up', file: 'empty.txt', bytes: () => Buffer.from(' '), codes: ['no_text'] }, { main: MAIN });
console.log(`\nlinear time: text in each shape, --max-chars raised; start-up ${fmt(baseline.seconds)} s is taken off\n`);
console.log('| shape | MB | s | s per MB | peak MiB | items |');
console.log('|---|---|---|---|---|---|');
const linear = [];
for (const shape of TEXT_SHAPES) {
  if (!shape.includes(ONLY) && ONLY && !'linear'.includes(ONLY)) continue;
  for (const mb of SIZES) {
    // Chinese text is 3 bytes a character in UTF-8.
    const text = textShape(shape, Math.round((mb * 1048576) / 3));
    const c = { name: `${shape} ${mb} MB`, file: `${shape}.txt`, bytes: () => Buffer.from(text), text: true };
    const r = await runCase(c, { main: MAIN, timeoutMs: TIMEOUT_MS * 4, extraArgs: ['--max-chars', '500M', '--max-file-size', '1GB'] });
    const real = Buffer.byteLength(text) / 1048576;
    const perMb = Math.max(0, r.seconds - baseline.seconds) / real;
    linear.push({ shape, mb: real, seconds: r.seconds, perMb, peakMiB: r.peakMiB, items: r.items, code: r.code });
    console.log(`| ${shape} | ${fmt(real)} | ${fmt(r.seconds)} | ${fmt(perMb, 2)} | ${fmt(r.peakMiB, 0)} | ${r.code ?? r.items} |`);
  }
}
// Linear time means time per MB does not grow with size. Reported both ways: whole runs (start-up
// makes the smallest size look slower per MB, never faster) and with start-up taken off (where a
// 1 MB run is within start-up's noise, its figure means little).
for (const shape of TEXT_SHAPES) {
  const runs = linear.filter((l) => l.shape === shape);
  if (runs.length < 2) continue;
  const raw = runs.map((l) => l.seconds / l.mb);
  const growth = Math.max(...raw.flatMap((a, i) => raw.slice(i + 1).map((b) => b / a)));
  const net = runs.map((l) => l.perMb).filter((x) => x > 0);
  console.log(
    `${shape}: s per MB ${raw.map((x) => fmt(x, 2)).join(' → ')} (largest growth ${fmt(growth, 2)}×); ` +
      `start-up taken off: ${runs.map((l) => fmt(l.perMb, 2)).join(' → ')}` +
      (net.length > 1 ? ` (largest / smallest ${fmt(Math.max(...net) / Math.min(...net), 2)}×)` : ''),
  );
}
mkdirSync(join(ROOT, 'out'), { recursive: true });
writeFileSync(join(ROOT, 'out/bench-hostile.json'), JSON.stringify({ scale: SCALE, startupSeconds: baseline.seconds, cases: rows, linear }, null, 2) + '\n');
if (rows.some((r) => !r.ok)) process.exitCode = 1;
