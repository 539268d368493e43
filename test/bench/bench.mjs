#!/usr/bin/env node
/**
 * Throughput and peak-memory benchmark for `renda ingest` (run with `npm run bench`, which builds
 * first). For each input kind (text, HTML, text-layer PDF) it builds a throw-away corpus of N
 * copies of the fixtures, each copy with different bytes so that every file is a distinct source,
 * runs the real CLI on it in a child process and reports files/s, pages/s, items/s and peak RSS.
 * N is calibrated so that each kind runs for several seconds. When poppler's `pdftotext` is on
 * PATH it is run over the same PDF corpus for comparison.
 *
 * Prints a Markdown table and writes the results to out/bench.json. Exits non-zero only if an
 * ingest fails; there are no timing assertions.
 *
 * Environment (all optional):
 *   BENCH_TARGET_SECONDS  aim for each kind's ingest time (default 8)
 *   BENCH_MAX_SECONDS     cap on the predicted time of one kind's run (default 15)
 *   BENCH_BUDGET_SECONDS  rough cap on the whole bench, calibration included (default 110)
 *   BENCH_COPIES_TEXT / BENCH_COPIES_HTML / BENCH_COPIES_PDF   skip calibration, use this many copies
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAIN, parseGnuTime, ROOT } from './_cli.mjs';

const { DEFAULT_CONCURRENCY, STAGES } = await import('../../dist/pipeline/run/ingest.js');

const TARGET_SECONDS = Number(process.env.BENCH_TARGET_SECONDS ?? 8);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 15);
/** Calibration stops doubling the copies once an ingest takes this long. */
const CALIBRATION_SECONDS = 1.5;
const MAX_COPIES = 5000;
/** The whole bench (calibration included) should finish in about this time. */
const BUDGET_SECONDS = Number(process.env.BENCH_BUDGET_SECONDS ?? 110);

const KINDS = [
  { kind: 'text', dir: 'fixtures/text', ext: '.txt', pagesFromOutput: false },
  { kind: 'html', dir: 'fixtures/html', ext: '.html', pagesFromOutput: false },
  { kind: 'pdf', dir: 'fixtures/pdf', ext: '.pdf', pagesFromOutput: true },
];

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const round = (x, digits = 2) => (x == null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const concurrencyString = (c) => STAGES.map((s) => `${s}=${c[s]}`).join(',');

// ---------------------------------------------------------------------------------------------
// Peak RSS: pick a method once.

/** GNU time writes "Maximum resident set size (kbytes): N" with -v; check that this one does. */
function gnuTimeWorks() {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/time')) return false;
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '-e', ''], { encoding: 'utf8' });
  return r.status === 0 && /Maximum resident set size \(kbytes\): \d+/.test(r.stderr);
}

const RSS_METHOD = gnuTimeWorks()
  ? { id: 'gnu-time', label: 'GNU `/usr/bin/time -v` (ru_maxrss of the ingest process, from wait4)' }
  : process.platform === 'linux'
    ? { id: 'proc-vmhwm', label: '/proc/<pid>/status VmHWM, polled every 20 ms (may miss a last-moment peak)' }
    : { id: 'none', label: 'not measured on this platform' };

// ---------------------------------------------------------------------------------------------
// Corpora

/**
 * Bytes that make copy i distinct without changing the extracted text: an HTML comment, a PDF
 * comment after %%EOF (readers ignore it), and for plain text a trailing line of spaces and tabs
 * that spells i in binary (whitespace only, so it adds no characters to the document).
 */
function copySuffix(kind, i) {
  if (kind === 'html') return `<!-- copy ${i} -->\n`;
  if (kind === 'pdf') return `%copy ${i}\n`;
  return (
    i
      .toString(2)
      .split('')
      .map((b) => (b === '1' ? '\t' : ' '))
      .join('') + '\n'
  );
}

async function fixtureFiles(spec) {
  const dir = join(ROOT, spec.dir);
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(spec.ext)).sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })));
}

async function buildCorpus(spec, fixtures, copies, dir) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const width = String(copies).length;
  let bytes = 0;
  for (let i = 1; i <= copies; i++) {
    const suffix = Buffer.from(copySuffix(spec.kind, i), 'latin1');
    for (const f of fixtures) {
      const data = Buffer.concat([f.bytes, suffix]);
      bytes += data.length;
      await writeFile(join(dir, `c${String(i).padStart(width, '0')}_${f.name}`), data);
    }
  }
  return { files: copies * fixtures.length, bytes };
}

// ---------------------------------------------------------------------------------------------
// Running the CLI

/**
 * Spawn `node dist/pipeline/apps/cli/main.js ingest <corpus> --out <out> --quiet --json`, wrapped in
 * /usr/bin/time -v when available. Returns the summary, wall time and peak RSS.
 */
async function runIngest(corpus, out, concurrency, rssFile) {
  const args = [MAIN, 'ingest', corpus, '--out', out, '--quiet', '--json'];
  if (concurrency) args.push('--concurrency', concurrency);
  const [cmd, argv] =
    RSS_METHOD.id === 'gnu-time' ? ['/usr/bin/time', ['-v', '-o', rssFile, process.execPath, ...args]] : [process.execPath, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));

  let hwmKiB = null;
  let poll = null;
  if (RSS_METHOD.id === 'proc-vmhwm') {
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwmKiB = Math.max(hwmKiB ?? 0, Number(m[1]));
      } catch {
        /* process gone */
      }
    };
    poll = setInterval(sample, 20);
    sample();
  }
  const code = await new Promise((res, rej) => {
    child.on('error', rej);
    child.on('close', (c, signal) => res(c ?? (signal ? 128 : 1)));
  });
  if (poll) clearInterval(poll);
  const wallSeconds = (performance.now() - started) / 1000;

  let peakKiB = hwmKiB;
  let cpuPercent = null;
  if (RSS_METHOD.id === 'gnu-time') {
    ({ peakKiB, cpuPercent } = parseGnuTime(await readFile(rssFile, 'utf8').catch(() => '')));
  }
  let summary = null;
  try {
    summary = JSON.parse(stdout);
  } catch {
    /* reported below */
  }
  return { code, summary, stderr, wallSeconds, cpuPercent, peakMiB: peakKiB == null ? null : peakKiB / 1024 };
}

function ingestFailed(r) {
  return r.code !== 0 || !r.summary || r.summary.failures.length > 0 || r.summary.succeeded !== r.summary.files;
}

function describeFailure(label, r) {
  const lines = [`ingest failed for ${label} (exit code ${r.code})`];
  if (r.summary) for (const f of r.summary.failures.slice(0, 5)) lines.push(`  ${f.code} ${f.path}: ${f.message}`);
  if (r.stderr.trim()) lines.push(r.stderr.trim().split('\n').slice(-10).join('\n'));
  return lines.join('\n');
}

/** Sum of source.pages over the JSON outputs (PDF page counts are recorded there). */
async function pagesFromOutputs(out) {
  const dir = join(out, 'json');
  let pages = 0;
  let sources = 0;
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue;
    const result = JSON.parse(await readFile(join(dir, name), 'utf8'));
    pages += result.source.pages ?? 1;
    sources++;
  }
  return { pages, sources };
}

async function countOutputs(out) {
  return (await readdir(join(out, 'json'))).filter((n) => n.endsWith('.json')).length;
}

// ---------------------------------------------------------------------------------------------
// Calibration: double the copies (1, 2, 4, …) until the ingest takes CALIBRATION_SECONDS, then fit a line
// through the last two runs so that start-up inside the ingest (SQLite open, pdf.js load, JIT
// warm-up) is not counted as per-copy time.

async function calibrate(spec, fixtures, work) {
  const envCopies = Number(process.env[`BENCH_COPIES_${spec.kind.toUpperCase()}`]);
  if (Number.isInteger(envCopies) && envCopies > 0) return { copies: envCopies, calibration: 'BENCH_COPIES_' + spec.kind.toUpperCase() };
  const points = [];
  let copies = 1;
  for (;;) {
    const corpus = join(work, `cal-${spec.kind}`);
    const out = join(work, `cal-${spec.kind}-out`);
    await buildCorpus(spec, fixtures, copies, corpus);
    const r = await runIngest(corpus, out, null, join(work, 'cal.time'));
    await rm(out, { recursive: true, force: true });
    await rm(corpus, { recursive: true, force: true });
    if (ingestFailed(r)) return { error: describeFailure(`${spec.kind} (calibration, ${copies} copies)`, r) };
    points.push({ copies, seconds: r.summary.seconds, items: r.summary.items });
    // At least two points (the first run of a kind is dominated by warm-up), the last one long enough.
    if ((points.length >= 2 && r.summary.seconds >= CALIBRATION_SECONDS) || copies >= MAX_COPIES) break;
    copies *= 2;
  }
  const last = points.at(-1);
  const first = points[0];
  // Seconds per copy: least squares over the runs after the first (the first is mostly warm-up),
  // kept between half the first→last chord and the plain average, so that one noisy run cannot
  // make N explode (or collapse).
  const chord = last.copies > first.copies ? (last.seconds - first.seconds) / (last.copies - first.copies) : last.seconds / last.copies;
  const fit = points.length >= 3 ? leastSquaresSlope(points.slice(1)) : chord;
  const average = last.seconds / last.copies;
  const perCopy = Math.max(Math.min(fit, average), chord / 2, 1e-4);
  const overhead = Math.max(0, last.seconds - perCopy * last.copies);
  return {
    perCopy,
    overhead,
    itemsPerCopy: first.items / first.copies,
    calibration: `${points.map((p) => `${p.copies}→${p.seconds}s`).join(', ')}; ≈${round(perCopy * 1000, 1)} ms/copy + ${round(overhead)} s`,
  };
}

function leastSquaresSlope(points) {
  const mx = points.reduce((a, p) => a + p.copies, 0) / points.length;
  const my = points.reduce((a, p) => a + p.seconds, 0) / points.length;
  const sxy = points.reduce((a, p) => a + (p.copies - mx) * (p.seconds - my), 0);
  const sxx = points.reduce((a, p) => a + (p.copies - mx) ** 2, 0);
  return sxx > 0 ? sxy / sxx : points.at(-1).seconds / points.at(-1).copies;
}

/** Copies for one kind: aim at `seconds` per run, at least one copy, at most MAX_COPIES. */
function copiesFor(cal, seconds) {
  return Math.max(1, Math.min(MAX_COPIES, Math.floor((seconds - cal.overhead) / cal.perCopy)));
}

// ---------------------------------------------------------------------------------------------
// pdftotext

function pdftotextVersion() {
  const r = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (r.error) return null;
  const m = /pdftotext version (\S+)/.exec(`${r.stdout}${r.stderr}`);
  return m ? m[1] : 'unknown';
}

function runPdftotext(corpus, files, outDir) {
  const started = performance.now();
  let failures = 0;
  for (const name of files) {
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', join(corpus, name), join(outDir, name.replace(/\.pdf$/i, '.txt'))], {
      stdio: 'ignore',
    });
    if (r.status !== 0) failures++;
  }
  return { seconds: (performance.now() - started) / 1000, failures };
}

// ---------------------------------------------------------------------------------------------
// Main

const benchStarted = performance.now();
const loadAtStart = loadavg().map((x) => round(x));
const work = await mkdtemp(join(tmpdir(), 'renda-bench-'));
const cleanup = () => rm(work, { recursive: true, force: true });
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    spawnSync('rm', ['-rf', work]);
    process.exit(130);
  });
}

const defaults = concurrencyString(DEFAULT_CONCURRENCY);
const rows = [];
const errors = [];
const notes = [];
const popplerVersion = pdftotextVersion();

log(`peak RSS method: ${RSS_METHOD.label}`);
log(`renda default concurrency: ${defaults}; ${availableParallelism()} CPUs; target ≈${TARGET_SECONDS} s per kind`);

try {
  for (const spec of KINDS) {
    const fixtures = await fixtureFiles(spec);
    if (fixtures.length === 0) {
      notes.push(`${spec.kind}: no fixtures in ${spec.dir}, skipped`);
      continue;
    }
    const cal = await calibrate(spec, fixtures, work);
    if (cal.error) {
      errors.push(cal.error);
      log(cal.error);
      continue;
    }
    if (cal.copies == null) {
      // Share what is left of the time budget between this kind's runs and the kinds after it
      // (PDF: two ingest runs plus pdftotext).
      const runsLeft = KINDS.slice(KINDS.indexOf(spec)).reduce((n, k) => n + (k.kind === 'pdf' ? 2.5 : 1), 0);
      const left = BUDGET_SECONDS - (performance.now() - benchStarted) / 1000;
      const perRun = Math.min(TARGET_SECONDS, MAX_SECONDS, Math.max(2, left / runsLeft));
      cal.copies = copiesFor(cal, perRun);
    }
    const corpus = join(work, `corpus-${spec.kind}`);
    const { files, bytes } = await buildCorpus(spec, fixtures, cal.copies, corpus);
    log(`${spec.kind}: ${cal.copies} copies × ${fixtures.length} fixtures = ${files} files, ${round(bytes / 2 ** 20, 1)} MiB (calibration: ${cal.calibration})`);

    const runs = [{ label: spec.kind, concurrency: null }];
    // extract=1 vs the default extract=2: PDF extraction is the slow stage.
    if (spec.kind === 'pdf' && DEFAULT_CONCURRENCY.extract !== 1) runs.push({ label: 'pdf', concurrency: 'extract=1' });

    for (const run of runs) {
      const out = join(work, `out-${spec.kind}-${run.concurrency ?? 'default'}`);
      const used = { ...DEFAULT_CONCURRENCY };
      if (run.concurrency) for (const [stage, n] of run.concurrency.split(',').map((p) => p.split('='))) used[stage] = Number(n);
      const r = await runIngest(corpus, out, run.concurrency, join(work, 'run.time'));
      if (ingestFailed(r)) {
        const msg = describeFailure(`${spec.kind} (${concurrencyString(used)})`, r);
        errors.push(msg);
        log(msg);
        await rm(out, { recursive: true, force: true });
        continue;
      }
      const s = r.summary;
      const outputs = spec.pagesFromOutput ? await pagesFromOutputs(out) : { pages: s.files, sources: await countOutputs(out) };
      if (outputs.sources !== s.files) notes.push(`${spec.kind}: ${outputs.sources} JSON outputs for ${s.files} files (copies not distinct?)`);
      if (cal.itemsPerCopy != null && s.items !== Math.round(cal.itemsPerCopy * cal.copies)) {
        notes.push(`${spec.kind}: ${s.items} items, expected ${cal.itemsPerCopy} per copy × ${cal.copies}; the copy marker changed the output`);
      }
      const row = {
        tool: 'renda',
        kind: run.label,
        concurrency: concurrencyString(used),
        copies: cal.copies,
        files: s.files,
        bytes,
        pages: outputs.pages,
        pagesCounted: spec.pagesFromOutput ? 'source.pages in the JSON outputs' : '1 per file',
        documents: s.documents,
        items: s.items,
        warnings: s.warnings,
        seconds: s.seconds,
        wallSeconds: round(r.wallSeconds),
        filesPerSecond: round(s.files / s.seconds, 1),
        pagesPerSecond: round(outputs.pages / s.seconds, 1),
        itemsPerSecond: round(s.items / s.seconds, 0),
        peakRssMiB: round(r.peakMiB, 0),
        cpuPercent: r.cpuPercent,
      };
      rows.push(row);
      log(`${row.kind} ${row.concurrency}: ${row.files} files in ${row.seconds} s (wall ${row.wallSeconds} s), peak RSS ${row.peakRssMiB} MiB`);
      await rm(out, { recursive: true, force: true });
    }

    if (spec.kind === 'pdf') {
      if (popplerVersion) {
        const outDir = join(work, 'pdftotext-out');
        await mkdir(outDir, { recursive: true });
        const names = (await readdir(corpus)).filter((n) => n.endsWith('.pdf')).sort();
        const pages = rows.find((r) => r.kind === 'pdf')?.pages ?? null;
        const p = runPdftotext(corpus, names, outDir);
        if (p.failures) notes.push(`pdftotext failed on ${p.failures} of ${names.length} files`);
        rows.push({
          tool: `pdftotext ${popplerVersion}`,
          kind: 'pdf',
          concurrency: 'sequential, 1 process per file',
          copies: cal.copies,
          files: names.length,
          bytes,
          pages,
          pagesCounted: 'same corpus as renda pdf',
          documents: null,
          items: null,
          warnings: null,
          seconds: round(p.seconds),
          wallSeconds: round(p.seconds),
          filesPerSecond: round(names.length / p.seconds, 1),
          pagesPerSecond: pages == null ? null : round(pages / p.seconds, 1),
          itemsPerSecond: null,
          peakRssMiB: null,
          cpuPercent: null,
        });
        log(`pdftotext: ${names.length} files in ${round(p.seconds)} s`);
        await rm(outDir, { recursive: true, force: true });
      } else {
        notes.push('pdftotext (poppler-utils) not on PATH: no comparison run');
      }
    }
    await rm(corpus, { recursive: true, force: true });
  }
} finally {
  await cleanup();
}

const totalSeconds = round((performance.now() - benchStarted) / 1000, 1);
const loadAtEnd = loadavg().map((x) => round(x));

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (x) => (x == null ? '–' : String(x));
const table = [
  '| tool | input | concurrency | files | pages | seconds | files/s | pages/s | items/s | peak RSS (MiB) | CPU |',
  '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) =>
    `| ${r.tool} | ${r.kind} | ${r.concurrency} | ${r.files} | ${fmt(r.pages)} | ${fmt(r.seconds)} | ${fmt(r.filesPerSecond)} | ${fmt(r.pagesPerSecond)} | ${fmt(r.itemsPerSecond)} | ${fmt(r.peakRssMiB)} | ${r.cpuPercent == null ? '–' : `${r.cpuPercent} %`} |`,
  ),
].join('\n');

const cpuModel = cpus()[0]?.model?.trim() ?? 'unknown CPU';
const machine = `${availableParallelism()} × ${cpuModel}, ${round(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, ${process.platform}; 1-min load average ${loadAtStart[0]} at start, ${loadAtEnd[0]} at end (other work on the machine skews the numbers)`;
const footnotes = [
  `Machine: ${machine}. Each corpus is N copies of the fixtures (fixtures/text, fixtures/html, fixtures/pdf), each copy with distinct bytes, ingested in one batch by \`renda ingest <dir> --out <tmp> --quiet --json\` in a child process.`,
  `seconds: the ingest's own time (summary.seconds: discovery to database close; excludes Node start-up). items/s counts the work-plan items extracted, classified and stored (JSON + SQLite).`,
  `pages: PDF pages from source.pages in the JSON outputs; text and HTML count 1 page per file.`,
  `concurrency: renda's defaults are ${defaults}; the \`extract=1\` row is the same PDF corpus with one extract worker.`,
  `peak RSS: ${RSS_METHOD.label}; it covers the whole batch (all files of that kind in one process), so it depends on the batch size. CPU: user + system time over wall time of the ingest process (100 % = one core busy).`,
  popplerVersion
    ? `pdftotext: run sequentially, one process per file (\`pdftotext -enc UTF-8 in.pdf out.txt\`), process start-up included. It only extracts text; renda also rebuilds paragraphs, segments, classifies and stores.`
    : `pdftotext: not on PATH, no comparison.`,
].map((n) => `- ${n}`);

process.stdout.write(`\n${table}\n\n${footnotes.join('\n')}\n`);
if (notes.length) process.stdout.write(`\nNotes:\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
process.stdout.write(`\nbench: total ${totalSeconds} s${errors.length ? `, ${errors.length} ingest failure(s)` : ''}\n`);

const report = {
  date: new Date().toISOString(),
  machine: { cpus: availableParallelism(), cpuModel, totalMemGiB: round(totalmem() / 2 ** 30, 1), node: process.version, platform: process.platform, loadAtStart, loadAtEnd },
  rssMethod: RSS_METHOD.id,
  rssMethodDescription: RSS_METHOD.label,
  defaultConcurrency: DEFAULT_CONCURRENCY,
  targetSeconds: TARGET_SECONDS,
  pdftotext: popplerVersion,
  rows,
  notes,
  errors,
  totalSeconds,
  markdown: `${table}\n\n${footnotes.join('\n')}\n`,
};
await mkdir(join(ROOT, 'out'), { recursive: true });
await writeFile(join(ROOT, 'out/bench.json'), JSON.stringify(report, null, 2) + '\n');
log(`wrote ${join(ROOT, 'out/bench.json')}`);

process.exitCode = errors.length ? 1 : 0;
