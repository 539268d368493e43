// Pages printed in traditional characters: character error rate of each way of reading them, on the
// scan twins of the real pages whose text is traditional (fixtures/real/, scans in out/real-scan/,
// made by `npm run bench:real`). Compares PaddleOCR (the default engine), tesseract chi_tra (both its
// data files) and what `renda ingest` does (paddle, then a chi_tra re-read of pages it finds
// traditional). Characters are compared simplified, without whitespace and pinyin glosses, against
// the page's text. Slow (~3 minutes). Run: npm run bench:ocr-traditional. Writes out/bench-ocr-traditional.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT as root } from './_cli.mjs';
import { editDistance } from './_cer.mjs';

const ocr = await import(join(root, 'dist/extractors/ocr/index.js'));
const { createOcrService, looksTraditional } = await import(join(root, 'dist/pipeline/extract/ocr-service.js'));
const { isTraditional, convertTraditional } = await import(join(root, 'dist/pipeline/text/simplify.js'));
const { renderPage } = await import(join(root, 'dist/extractors/ocr/render.js'));
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

const scans = join(root, 'out/real-scan');
const real = join(root, 'fixtures/real');
if (!existsSync(scans)) {
  console.error(`no scan twins in ${scans}; run npm run bench:real first`);
  process.exit(0);
}
const names = readdirSync(real)
  .filter((f) => f.endsWith('.txt') && existsSync(join(scans, f.replace(/\.txt$/, '.pdf'))))
  .filter((f) => isTraditional(readFileSync(join(real, f), 'utf8')))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();

const fold = (s) =>
  convertTraditional(s)
    .replace(/[(（][a-zA-Z0-9āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,8}[)）]/g, '')
    .replace(/[^\p{Script=Han}0-9]/gu, '');

/** Every page of every scan twin, rendered once at 300 dpi as renda renders them. */
const pages = [];
for (const name of names) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(join(scans, `${name}.pdf`))), isEvalSupported: false }).promise;
  for (let n = 1; n <= doc.numPages; n++) pages.push({ name, image: await renderPage(doc, await doc.getPage(n), 300) });
  await doc.destroy();
}

const readers = {
  paddle: async () => {
    const e = await ocr.createPaddleEngine();
    const pre = ocr.preprocessFor('paddle');
    return { read: (img) => e.recognize(pre(img)), close: () => e.close() };
  },
  'tesseract chi_tra (best_int)': async () => {
    const e = await ocr.createTesseractEngine({ lang: 'chi_tra', model: 'best_int' });
    const pre = ocr.preprocessFor('tesseract');
    return { read: (img) => e.recognize(pre(img)), close: () => e.close() };
  },
  'tesseract chi_tra (full)': async () => {
    const e = await ocr.createTesseractEngine({ lang: 'chi_tra', model: 'full' });
    const pre = ocr.preprocessFor('tesseract');
    return { read: (img) => e.recognize(pre(img)), close: () => e.close() };
  },
  'renda (paddle, chi_tra re-read)': async () => {
    const s = createOcrService({ mode: 'auto', engine: 'paddle', workers: 1 });
    return { read: (img) => s.context.recognize(img), close: () => s.close() };
  },
};

const results = {};
for (const [label, start] of Object.entries(readers)) {
  const r = await start();
  const text = new Map();
  let ms = 0;
  let flagged = 0;
  for (const p of pages) {
    const t0 = performance.now();
    const out = await r.read(p.image);
    ms += performance.now() - t0;
    if (label === 'paddle' && looksTraditional(out.text)) flagged++;
    text.set(p.name, (text.get(p.name) ?? '') + out.text + '\n');
  }
  await r.close();
  let errors = 0;
  let chars = 0;
  for (const name of names) {
    const gold = fold(readFileSync(join(real, `${name}.txt`), 'utf8'));
    errors += editDistance(fold(text.get(name) ?? ''), gold);
    chars += gold.length;
  }
  results[label] = { cer: errors / chars, secondsPerPage: ms / 1000 / pages.length, ...(label === 'paddle' ? { pagesFoundTraditional: flagged } : {}) };
  console.error(`${label}: CER ${(100 * results[label].cer).toFixed(2)}%, ${results[label].secondsPerPage.toFixed(1)} s/page`);
}

console.log(`${names.length} traditional pages, ${pages.length} scanned pages (of which paddle's reading looked traditional on ${results.paddle.pagesFoundTraditional})`);
console.log('| reading | CER | s/page |\n|---|---:|---:|');
for (const [label, r] of Object.entries(results)) console.log(`| ${label} | ${(100 * r.cer).toFixed(2)}% | ${r.secondsPerPage.toFixed(1)} |`);
mkdirSync(join(root, 'out'), { recursive: true });
writeFileSync(join(root, 'out/bench-ocr-traditional.json'), JSON.stringify({ pages: names, scannedPages: pages.length, results }, null, 2) + '\n');
