#!/usr/bin/env node
/**
 * Peak memory and time of one scanned page through `renda ingest` at defaults, per image format
 * (issue 15: one 300-dpi A4 page in ≤ 1 GB peak RSS of the whole process). The pages are made at
 * run time from a fixture scan (fixtures/scan/002_page-3.jpg), tinted like paper and scaled to A4 at
 * 300 dpi (2480 × 3508): uncompressed-size TIFF, CMYK JPEG, 16-bit PNG, WebP, 8-bit PNG, plus a
 * one-page image-only PDF. Each file is ingested alone in a fresh process under GNU `time -v`, so
 * the peak is the whole process's: Node, the models, the page, the store.
 *
 * Prints a Markdown table and writes out/bench-ocr-memory.json. No assertions.
 *
 * Environment (optional):
 *   BENCH_OCR_MEMORY_ENGINE  paddle (default) or tesseract
 *   BENCH_OCR_MEMORY_RUNS    runs per format (default 1; the table shows the median time, the
 *                            highest peak)
 *   BENCH_OCR_MEMORY_MAIN    another build's dist/pipeline/apps/cli/main.js, to compare before and after
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIN as OWN_MAIN, ROOT, parseGnuTime } from './_cli.mjs';
import { stream, writePdf } from '../helpers/pdf-writer.mjs';

const MAIN = process.env.BENCH_OCR_MEMORY_MAIN ?? OWN_MAIN;
const ENGINE = process.env.BENCH_OCR_MEMORY_ENGINE ?? 'paddle';
const RUNS = Number(process.env.BENCH_OCR_MEMORY_RUNS ?? 1);
const TIME = '/usr/bin/time';
const log = (msg) => process.stderr.write(`bench-ocr-memory: ${msg}\n`);
if (!existsSync(TIME)) {
  log(`${TIME} (GNU time) is needed for peak RSS; install the "time" package`);
  process.exit(2);
}

const sharp = (await import('sharp')).default;
const dir = mkdtempSync(join(tmpdir(), 'renda-ocr-memory-'));
const A4 = { width: 2480, height: 3508 };

/** A colour scan of an A4 page at 300 dpi, raw RGB, from a grey fixture scan. */
async function colourPage() {
  const src = join(ROOT, 'fixtures/scan/002_page-3.jpg');
  return sharp(src).resize(A4.width, A4.height, { fit: 'fill' }).toColourspace('srgb').tint({ r: 250, g: 240, b: 220 }).raw().toBuffer({ resolveWithObject: true });
}

/** JFIF APP0 saying 300 dpi, for encoders that write none (sharp's CMYK JPEG). */
function withJfif300(jpeg) {
  const app0 = Buffer.from([0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, 0x01, 0x2c, 0x01, 0x2c, 0, 0]);
  return Buffer.concat([jpeg.subarray(0, 2), app0, jpeg.subarray(2)]);
}

/** A one-page PDF whose page is `jpeg` (DCTDecode, DeviceRGB) filling an A4 MediaBox. */
function imagePdf(jpeg, width, height) {
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
    stream(jpeg, `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`),
    stream('q 595.28 0 0 841.89 0 0 cm /Im0 Do Q'),
  ]);
}

async function makePages() {
  const { data, info } = await colourPage();
  const page = () => sharp(data, { raw: info }).withMetadata({ density: 300 });
  const files = {
    'TIFF (LZW, RGB)': ['page.tif', await page().tiff({ compression: 'lzw' }).toBuffer()],
    'JPEG (CMYK)': ['page-cmyk.jpg', withJfif300(await sharp(data, { raw: info }).toColourspace('cmyk').jpeg({ quality: 85 }).toBuffer())],
    'PNG (16-bit RGB)': ['page16.png', await page().toColourspace('rgb16').png().toBuffer()],
    'WebP': ['page.webp', await page().webp({ quality: 85 }).toBuffer()],
    'PNG (8-bit RGB)': ['page.png', await page().png().toBuffer()],
    'PDF (one scanned page)': ['page.pdf', imagePdf(await page().jpeg({ quality: 85 }).toBuffer(), info.width, info.height)],
  };
  for (const [, [name, bytes]] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return Object.entries(files).map(([format, [name, bytes]]) => ({ format, file: join(dir, name), bytes: bytes.length }));
}

function ingestOnce(file) {
  const out = mkdtempSync(join(dir, 'out-'));
  const run = spawnSync(TIME, ['-v', process.execPath, MAIN, 'ingest', file, '--out', out, '--quiet', '--json', '--ocr-engine', ENGINE], { encoding: 'utf8' });
  rmSync(out, { recursive: true, force: true });
  const time = parseGnuTime(run.stderr);
  let summary = {};
  try {
    summary = JSON.parse(run.stdout);
  } catch {
    // No JSON summary: the run failed; its stderr says why.
  }
  const user = /User time \(seconds\): ([\d.]+)/.exec(run.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(run.stderr);
  return { status: run.status, ...time, cpuSeconds: user && sys ? Number(user[1]) + Number(sys[1]) : null, summary, stderr: run.status ? run.stderr.slice(-2000) : undefined };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
try {
  for (const page of await makePages()) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = ingestOnce(page.file);
      if (r.status !== 0) log(`${page.format}: exit ${r.status}\n${r.stderr}`);
      runs.push(r);
    }
    const ok = runs.filter((r) => r.status === 0);
    const row = {
      format: page.format,
      bytes: page.bytes,
      ok: ok.length === runs.length,
      peakMiB: Math.round(Math.max(...runs.map((r) => r.peakKiB ?? 0)) / 1024),
      seconds: ok.length ? median(ok.map((r) => r.seconds)) : null,
      cpuSeconds: ok.length ? median(ok.map((r) => r.cpuSeconds)) : null,
      // The whole process for one page: start-up, models, OCR, analysis, store.
      items: ok[0]?.summary?.items ?? null,
    };
    rows.push(row);
    log(`${row.format}: ${row.peakMiB} MiB peak, ${row.seconds} s`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`One 300-dpi A4 page (2480 × 3508) through \`renda ingest\` at defaults, OCR engine ${ENGINE}; ${cpus().length} × ${cpu}; ${RUNS} run(s) each.\n`);
console.log('| format | file | peak RSS (whole process) | seconds (wall, whole run) | CPU seconds | items |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const mb = (r.bytes / 1024 / 1024).toFixed(1);
  console.log(`| ${r.format} | ${mb} MB | ${r.ok ? `${r.peakMiB} MiB` : `failed (${r.peakMiB} MiB)`} | ${r.seconds ?? '–'} | ${r.cpuSeconds?.toFixed(1) ?? '–'} | ${r.items ?? '–'} |`);
}
mkdirSync(join(ROOT, 'out'), { recursive: true });
writeFileSync(join(ROOT, 'out/bench-ocr-memory.json'), JSON.stringify({ date: new Date().toISOString(), engine: ENGINE, main: MAIN, cpu, cores: cpus().length, runs: RUNS, rows }, null, 2));
