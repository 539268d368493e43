// OCR measurement: character error rate and speed per engine on the scan fixtures, and the
// `renda eval` scores of OCR'd documents next to their text twins. Slow (minutes); not part of
// `npm test`. Run: npm run bench:ocr  (after npm run build). Writes out/bench-ocr.json.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { editDistance, fold } from './_cer.mjs';

const root = new URL('../../', import.meta.url).pathname;
const { createOcrService } = await import(join(root, 'dist/pipeline/extract/ocr-service.js'));
const { cleanOcrLine } = await import(join(root, 'dist/extractors/ocr/clean.js'));
const { evaluateDirs } = await import(join(root, 'dist/pipeline/apps/eval/evaluate.js'));
const sharp = (await import('sharp')).default;

const engines = (process.env.BENCH_OCR_ENGINES ?? 'tesseract,paddle').split(',');
const scanDir = join(root, 'fixtures/scan');
const pages = readdirSync(scanDir).filter((f) => f.endsWith('.jpg')).sort();


// Each scan's resolution is recorded by its generator; the hard page is 200 dpi.
const manifest = JSON.parse(readFileSync(join(root, 'fixtures/scan/manifest.json'), 'utf8'));

async function decode(file) {
  const { data, info } = await sharp(readFileSync(file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const dpi = manifest.images[file.split('/').pop()]?.dpi ?? 300;
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), dpi };
}

const rows = [];
for (const engine of engines) {
  // One engine, so seconds per page are an engine's own; the pool's speed-up is in the README.
  const ocr = createOcrService({ mode: 'always', engine, workers: 1 });
  try {
    for (const page of pages) {
      const truth = fold(readFileSync(join(scanDir, 'truth', page.replace(/\.jpg$/, '.txt')), 'utf8'));
      const t0 = performance.now();
      const result = await ocr.context.recognize(await decode(join(scanDir, page)));
      const seconds = (performance.now() - t0) / 1000;
      // Running headers and page numbers are printed on the page but not in the truth: lines in the
      // top or bottom two that the truth does not contain are left out, as renda's layout does.
      const lines = result.lines.map((l) => fold(cleanOcrLine(l.text)));
      const furniture = (l, i) =>
        (i < 2 || i >= lines.length - 2) && (/^[-—–~\d\s第页共]*$/.test(l) || (l.length <= 20 && /委员会(文件)?$/.test(l) && !truth.startsWith(l)));
      const text = lines.filter((l, i) => !furniture(l, i)).join('');
      const cer = editDistance(text, truth) / truth.length;
      rows.push({ engine, page, cer: Math.round(cer * 10000) / 10000, seconds: Math.round(seconds * 100) / 100, confidence: Math.round(result.confidence * 100) / 100 });
      console.error(`${engine} ${page} CER ${(cer * 100).toFixed(2)}% ${seconds.toFixed(1)} s`);
    }
  } finally {
    await ocr.close();
  }
}

// Whole documents through `renda ingest`, scored against the gold of their text twins.
const evals = [];
for (const engine of engines) {
  const out = mkdtempSync(join(tmpdir(), `renda-ocr-${engine}-`));
  try {
    const t0 = performance.now();
    execFileSync('node', [join(root, 'dist/pipeline/apps/cli/main.js'), 'ingest', join(scanDir, '002_image-only.pdf'), join(scanDir, '001_broken-text-layer.pdf'), '--out', out, '--quiet', '--ocr-engine', engine], { stdio: ['ignore', 'ignore', 'inherit'] });
    const seconds = (performance.now() - t0) / 1000;
    // Pair each OCR'd document with the gold of the seed it was made from (the file name's prefix).
    const paired = join(out, 'paired');
    mkdirSync(paired);
    for (const f of readdirSync(join(out, 'json'))) {
      const r = JSON.parse(readFileSync(join(out, 'json', f), 'utf8'));
      const seed = r.source.path.split('/').pop().slice(0, 3);
      const gold = readdirSync(join(root, 'test/golden')).find((g) => /^[0-9a-f]{16}\.json$/.test(g) && JSON.parse(readFileSync(join(root, 'test/golden', g), 'utf8')).source.path.includes(`/${seed}_`));
      writeFileSync(join(paired, gold), JSON.stringify(r));
    }
    const { total, perFile } = await evaluateDirs(join(root, 'test/golden'), paired, { matchedOnly: true });
    evals.push({ engine, seconds: Math.round(seconds), total, perFile: perFile.map((p) => ({ source: p.source, ...p })) });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const byEngine = (e, pred) => rows.filter((r) => r.engine === e && pred(r));
const mean = (xs, f) => (xs.length ? xs.reduce((n, x) => n + f(x), 0) / xs.length : NaN);
console.log('| engine | clean pages: mean CER | hard page (seal, 200 dpi, skew) CER | seconds per page | pages per minute |');
console.log('|---|---:|---:|---:|---:|');
for (const e of engines) {
  const clean = byEngine(e, (r) => !r.page.includes('hard'));
  const hard = byEngine(e, (r) => r.page.includes('hard'));
  const s = mean(byEngine(e, () => true), (r) => r.seconds);
  console.log(`| ${e} | ${(mean(clean, (r) => r.cer) * 100).toFixed(2)}% | ${(mean(hard, (r) => r.cer) * 100).toFixed(2)}% | ${s.toFixed(1)} | ${(60 / s).toFixed(1)} |`);
}
console.log('\n| engine | document (OCR) | gold items | P | R | F1 | kind | months | committee |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const ev of evals) {
  for (const p of ev.perFile) {
    console.log(`| ${ev.engine} | ${p.source} | ${p.goldItems} | ${p.precision} | ${p.recall} | ${p.f1} | ${p.kindAccuracy} | ${p.monthsExact} | ${p.committeeAccuracy} |`);
  }
}
mkdirSync(join(root, 'out'), { recursive: true });
writeFileSync(join(root, 'out/bench-ocr.json'), JSON.stringify({ date: new Date().toISOString(), rows, evals }, null, 2));
