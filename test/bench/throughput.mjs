#!/usr/bin/env node
// `npm run bench -- throughput`: issue 13's table, measured in one run. renda against the tools a
// researcher would otherwise script, on the same files: poppler's `pdftotext` for text-layer PDFs and
// native `tesseract` (chi_sim, one single-threaded process per core) for scans; renda alone for text
// files at two corpus sizes (is time per file flat?) and for one long PDF (is memory flat?). Each row
// prints renda's figure, the reference's, their ratio and the issue's target. A reference tool that is
// not installed is skipped with a message. Every run is the real CLI in a child process under GNU
// `time -v` (wall time and peak RSS of the whole process tree's largest process). Writes
// out/bench-throughput.json.
//   THROUGHPUT_TEXT=500,5000     sizes of the fixture-copies text rows
//   THROUGHPUT_GROWTH=400,1600   sizes of the one-county-each rows (add larger ones for a longer growth run)
//   THROUGHPUT_SKIP=scans,...    rows to leave out: pdfs, long-pdf, text, growth, scans
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { editDistance, fold } from './_cer.mjs';
import { MAIN, ROOT, parseGnuTime } from './_cli.mjs';
import { RENAMABLE_SOURCES, uniqueCounties } from './_corpus.mjs';

const log = (msg) => process.stderr.write(`throughput: ${msg}\n`);
const round = (x, d = 2) => (x == null || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const skip = new Set((process.env.THROUGHPUT_SKIP ?? '').split(',').filter(Boolean));
const textSizes = (process.env.THROUGHPUT_TEXT ?? '500,5000').split(',').map(Number);
const CORES = availableParallelism();

const work = join(ROOT, 'out/bench-throughput');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const GNU_TIME = existsSync('/usr/bin/time');

/** One command under GNU time: wall seconds, peak RSS in MiB, exit code and stdout. */
async function timed(cmd, args, { env } = {}) {
  const report = join(work, 'time.txt');
  const [c, a] = GNU_TIME ? ['/usr/bin/time', ['-v', '-o', report, cmd, ...args]] : [cmd, args];
  const started = performance.now();
  const child = spawn(c, a, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  const code = await new Promise((res) => child.on('close', (n) => res(n ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  const t = GNU_TIME ? parseGnuTime(readFileSync(report, 'utf8')) : { peakKiB: null };
  return { code, seconds, peakMiB: t.peakKiB == null ? null : t.peakKiB / 1024, stdout, stderr };
}

/** `renda ingest <inputs> --out <dir>` as a user runs it; fails the bench if any file failed. */
async function ingest(label, inputs, extra = []) {
  const out = join(work, `out-${label}`);
  rmSync(out, { recursive: true, force: true });
  const r = await timed(process.execPath, [MAIN, 'ingest', ...inputs, '--out', out, '--quiet', '--json', ...extra]);
  const summary = JSON.parse(r.stdout || 'null');
  if (r.code !== 0 || !summary || summary.failures.length) throw new Error(`${label}: ingest failed (exit ${r.code})\n${r.stderr.slice(-2000)}`);
  const json = readdirSync(join(out, 'json')).map((f) => JSON.parse(readFileSync(join(out, 'json', f), 'utf8')));
  return { ...r, summary, json, pages: json.reduce((n, j) => n + (j.source.pages ?? 1), 0) };
}

/** Runs `make(file)` for each file, `parallel` at a time, and times the whole. */
async function each(files, parallel, make) {
  const started = performance.now();
  const queue = [...files];
  const outputs = new Map();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) outputs.set(f, await make(f));
    }),
  );
  return { seconds: (performance.now() - started) / 1000, outputs };
}

const run = (cmd, args, env) =>
  new Promise((res) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('close', (code) => res(code === 0 ? out : null));
  });

const rows = [];
const notes = [];
const row = (r) => {
  rows.push(r);
  log(`${r.work}: renda ${r.renda}${r.reference ? `, ${r.reference}` : ''}${r.ratio != null ? `, ratio ${r.ratio}` : ''} (target ${r.target})`);
};

// ---------------------------------------------------------------------------------------------
// Text-layer PDFs: the seed PDFs and the real pages' PDF twins, against pdftotext file by file.
const pdfDirs = ['fixtures/pdf', 'fixtures/real/pdf'].map((d) => join(ROOT, d));
const pdfFiles = pdfDirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.pdf')).map((f) => join(d, f)));
const pdftotext = has('pdftotext');
if (!pdftotext) notes.push('pdftotext (poppler-utils) not installed: the PDF rows have no reference');
if (!skip.has('pdfs')) {
  const r = await ingest('pdfs', pdfDirs, ['--no-similar']);
  const ref = pdftotext ? await each(pdfFiles, 1, (f) => run('pdftotext', ['-enc', 'UTF-8', f, '-'])) : null;
  row({
    work: `${pdfFiles.length} text-layer PDFs, ${r.pages} pages, to SQLite`,
    renda: `${round(r.seconds)} s, ${round(r.peakMiB, 0)} MiB`,
    reference: ref ? `pdftotext ${round(ref.seconds)} s (one process per file, in turn)` : null,
    ratio: ref ? round(r.seconds / ref.seconds, 1) : null,
    target: '≤ 2×',
    holds: ref ? r.seconds / ref.seconds <= 2 : null,
  });
}

// One long PDF (the seed PDFs joined by pdfunite to 780 and 1,560 pages): speed and whether memory
// stays flat as pages grow.
if (!skip.has('long-pdf')) {
  if (!has('pdfunite')) notes.push('pdfunite (poppler-utils) not installed: no long-PDF rows');
  else {
    const [p22, p10] = ['000_aed2f3b3ef629585.pdf', '001_754274ce12da7e36.pdf'].map((f) => join(ROOT, 'fixtures/pdf', f));
    const long780 = join(work, 'long-780.pdf');
    const long1560 = join(work, 'long-1560.pdf');
    spawnSync('pdfunite', [...Array(35).fill(p22), p10, long780]);
    spawnSync('pdfunite', [long780, long780, long1560]);
    let first = null;
    for (const [file, pages] of [[long780, 780], [long1560, 1560]]) {
      const r = await ingest(`long-${pages}`, [file], ['--no-similar']);
      const ref = pdftotext ? await timed('pdftotext', ['-enc', 'UTF-8', file, join(work, `long-${pages}.txt`)]) : null;
      first ??= r;
      row({
        work: `one ${pages}-page PDF`,
        renda: `${round(r.seconds)} s, ${round(r.peakMiB, 0)} MiB`,
        reference: ref ? `pdftotext ${round(ref.seconds)} s, ${round(ref.peakMiB, 0)} MiB` : null,
        ratio: ref ? round(r.seconds / ref.seconds, 1) : null,
        target: pages === 780 ? '≤ 2×, < 400 MB' : `memory flat (780 pages: ${round(first.peakMiB, 0)} MiB), < 400 MB`,
        // Flat: twice the pages, at most a tenth more memory.
        holds: (pages === 780 ? !ref || r.seconds / ref.seconds <= 2 : r.peakMiB <= first.peakMiB * 1.1) && r.peakMiB * 2 ** 20 < 400e6,
      });
    }
  }
}

// Text files, two ways. Throughput: copies of every text fixture (a whitespace line that spells the
// copy's number makes the bytes differ, not the text, so each copy is a file of its own and the
// similar-items table sees copies). Growth: copies that each name another county
// (test/bench/_corpus.mjs), so every copy is a document of its own jurisdiction and the similar-items
// table, rebuilt after the batch over everything, has real work; time per file should stay flat.
const stampOf = (k) => (k ? `\n${k.toString(2).replace(/1/g, '\t').replace(/0/g, ' ')}\n` : '');
async function textRows(label, sizes, fileText) {
  let first = null;
  for (const n of sizes) {
    const dir = join(work, `${label}-${n}`);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `t${String(i).padStart(6, '0')}.txt`), fileText(i));
    const r = await ingest(`${label}-${n}`, [dir]);
    rmSync(dir, { recursive: true, force: true });
    const perFile = r.seconds / n;
    first ??= { n, perFile };
    const growth = first.n === n ? null : perFile / first.perFile;
    row({
      work: `${n.toLocaleString('en')} text files, ${label} (${r.summary.items.toLocaleString('en')} items; similar-items table included)`,
      renda: `${round(r.seconds)} s, ${round(n / r.seconds, 0)} files/s, ${round(perFile * 1000, 1)} ms a file, ${round(r.peakMiB, 0)} MiB`,
      reference: null,
      ratio: growth === null ? null : round(growth, 2),
      target: label === 'fixture copies' ? '≥ 250 files/s' : growth === null ? 'time per file flat' : `time per file flat (ratio to ${first.n} files ≈ 1)`,
      holds: label === 'fixture copies' ? n / r.seconds >= 250 : growth === null ? null : growth <= 1.2,
    });
  }
}
if (!skip.has('text')) {
  const textDirs = ['fixtures/text', 'fixtures/real', 'fixtures/heldout', 'fixtures/heldout2', 'fixtures/compare'];
  const texts = textDirs.flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(ROOT, d, f), 'utf8')));
  await textRows('fixture copies', textSizes, (i) => texts[i % texts.length] + stampOf(Math.floor(i / texts.length) + 1));
}
if (!skip.has('growth')) {
  const sources = RENAMABLE_SOURCES.map(([file, own]) => [readFileSync(join(ROOT, file), 'utf8'), own]);
  const places = uniqueCounties().map((c) => c.name);
  const sizes = (process.env.THROUGHPUT_GROWTH ?? '400,1600').split(',').map(Number);
  await textRows('one county each', sizes, (i) => {
    const [text, own] = sources[i % sources.length];
    const k = Math.floor(i / sources.length);
    return text.replaceAll(own, places[k % places.length]) + stampOf(Math.floor(k / places.length));
  });
}

// Scans: the ten clean 300-dpi page images of fixtures/scan, twice (a trailing byte makes the second
// copy a file of its own), 20 pages; renda's default engine against native tesseract chi_sim, one
// single-threaded process per core, with the character error rate of each against the pages' truth.
if (!skip.has('scans')) {
  const scanDir = join(ROOT, 'fixtures/scan');
  const clean = readdirSync(scanDir).filter((f) => f.endsWith('.jpg') && !f.includes('hard')).sort();
  const dir = join(work, 'scans');
  mkdirSync(dir, { recursive: true });
  const truthOf = new Map();
  for (const copy of [1, 2]) {
    for (const f of clean) {
      const name = `c${copy}_${f}`;
      writeFileSync(join(dir, name), Buffer.concat([readFileSync(join(scanDir, f)), Buffer.alloc(copy, 0)]));
      truthOf.set(name, fold(readFileSync(join(scanDir, 'truth', f.replace(/\.jpg$/, '.txt')), 'utf8')));
    }
  }
  const cer = (pairs) => {
    let errors = 0;
    let chars = 0;
    for (const [text, truth] of pairs) {
      errors += editDistance(text, truth);
      chars += truth.length;
    }
    return chars ? errors / chars : null;
  };
  const r = await ingest('scans', [dir]);
  const rendaCer = cer(r.json.map((j) => [fold(j.documents.map((d) => d.text).join('')), truthOf.get(j.source.path.split('/').pop())]));
  let ref = null;
  if (!has('tesseract')) notes.push('tesseract not installed: the scan row has no reference');
  else {
    const names = [...truthOf.keys()];
    const t = await each(names, CORES, (n) => run('tesseract', [join(dir, n), '-', '-l', 'chi_sim'], { OMP_THREAD_LIMIT: '1' }));
    const version = /tesseract (\S+)/.exec(spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1];
    ref = { seconds: t.seconds, cer: cer(names.map((n) => [fold(t.outputs.get(n) ?? ''), truthOf.get(n)])), version };
  }
  const pages = truthOf.size;
  row({
    work: `${pages} A4 scans at 300 dpi (default engine)`,
    renda: `${round(r.seconds / pages)} s/page (${round((60 * pages) / r.seconds, 1)} pages/min), ${round(r.peakMiB, 0)} MiB, CER ${round(rendaCer * 100, 1)} %`,
    reference: ref ? `tesseract ${ref.version} chi_sim, ${CORES} processes: ${round(ref.seconds / pages)} s/page (${round((60 * pages) / ref.seconds, 1)} pages/min), CER ${round(ref.cer * 100, 1)} %` : null,
    ratio: ref ? round(r.seconds / ref.seconds, 2) : null,
    target: '≥ native pages/min (ratio ≤ 1) at PP-OCR error rate, ≤ 1.2 GB',
    holds: (!ref || r.seconds <= ref.seconds) && r.peakMiB * 2 ** 20 <= 1.2e9,
  });
}

const machine = `${CORES} cores (${cpus()[0]?.model.trim()}), ${round(totalmem() / 2 ** 30, 0)} GiB, load ${loadavg().map((x) => round(x)).join(' ')}`;
console.log(`\nrenda throughput against the reference tools, ${new Date().toISOString().slice(0, 10)}, ${machine}\n`);
console.log('| work | renda | reference, same run | ratio | target | holds |');
console.log('|---|---|---|---:|---|---|');
for (const r of rows) console.log(`| ${r.work} | ${r.renda} | ${r.reference ?? '–'} | ${r.ratio == null ? '–' : `${r.ratio}×`} | ${r.target} | ${r.holds == null ? '–' : r.holds ? 'yes' : 'no'} |`);
console.log('\nThe report page (100,000 items: load and filter in Chromium) is measured by `npm run bench -- report`.');
for (const n of notes) console.log(`note: ${n}`);
writeFileSync(join(ROOT, 'out/bench-throughput.json'), JSON.stringify({ date: new Date().toISOString(), machine, rows, notes }, null, 2));
rmSync(work, { recursive: true, force: true });
