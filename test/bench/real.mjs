// The real pages (fixtures/real/) as text, as text-layer PDF twins and as 300-dpi scan twins, each
// ingested with `renda ingest` and scored with `renda eval` against the same answer keys. The scan
// twins need OCR (about 8 s a page on 2 cores), so this is a bench, not part of `npm test`; the PDF
// twins are also scored in test/real.test.ts. Prints the table and writes out/bench-real.json.
// Exits 1 when the PDF twins fall more than 0.02, or the scans more than 0.03, below the text on
// segmentation F1 or kind accuracy (issue 10's bars).
// Run: npm run bench:real  (RENDA_REAL_ONLY=heldout|tuning scores one part only)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHeldOut } from '../../fixtures/make/real-split.mjs';
import { MAIN as cli, ROOT as root } from './_cli.mjs';

const real = join(root, 'fixtures/real');
const only = process.env.RENDA_REAL_ONLY;
const wanted = (file) => !only || isHeldOut(file.replace(/\.\w+$/, '.txt')) === (only === 'heldout');

// The scan twins (~450 KB a page) are not committed: they are made from the PDF twins by
// fixtures/make/make_real_scans.py (deterministic) into out/real-scan/ the first time, then reused.
const scanDir = existsSync(join(real, 'scan')) ? join(real, 'scan') : join(root, 'out/real-scan');
function makeScans() {
  const want = readdirSync(join(real, 'pdf')).filter((f) => f.endsWith('.pdf') && wanted(f));
  const have = existsSync(scanDir) ? new Set(readdirSync(scanDir)) : new Set();
  const missing = want.filter((f) => !have.has(f)).map((f) => f.replace(/\.pdf$/, ''));
  if (!missing.length) return true;
  try {
    console.error(`making ${missing.length} scan twins in ${scanDir} (fixtures/make/make_real_scans.py)…`);
    execFileSync('/usr/bin/python3', [join(root, 'fixtures/make/make_real_scans.py'), ...missing], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, RENDA_REAL_SCAN_OUT: scanDir },
    });
    return true;
  } catch (e) {
    console.error(`scan twins skipped: ${e.message.split('\n')[0]} (needs Debian's python3 with python3-pil, python3-numpy, img2pdf and poppler-utils)`);
    return false;
  }
}

const forms = [
  { name: 'text', dir: real, ext: '.txt', bar: null },
  { name: 'pdf', dir: join(real, 'pdf'), ext: '.pdf', bar: 0.02 },
  { name: 'scan', dir: scanDir, ext: '.pdf', bar: 0.03, make: makeScans },
];

const work = mkdtempSync(join(tmpdir(), 'renda-bench-real-'));
const results = {};
try {
  for (const form of forms) {
    if (form.make && !form.make()) continue;
    if (!existsSync(form.dir)) continue;
    const keyed = (f) => existsSync(join(real, 'answers', f.replace(/\.\w+$/, '.json')));
    const files = readdirSync(form.dir).filter((f) => f.endsWith(form.ext) && wanted(f) && keyed(f)).map((f) => join(form.dir, f));
    if (!files.length) continue;
    const out = join(work, form.name);
    const started = process.hrtime.bigint();
    execFileSync('node', [cli, 'ingest', ...files, '--out', out, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const scores = JSON.parse(
      execFileSync('node', [cli, 'eval', join(real, 'answers'), join(out, 'json'), '--matched-only', '--json'], { encoding: 'utf8' }),
    );
    results[form.name] = { files: files.length, seconds: Math.round(seconds * 10) / 10, total: scores.total ?? scores };
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const cols = [
  ['F1', 'f1'], ['kind', 'kindAccuracy'], ['months', 'monthsExact'], ['committee', 'committeeAccuracy'],
  ['docType', 'docTypeAccuracy'], ['year', 'yearAccuracy'], ['code', 'jurisdictionCodeAccuracy'],
];
console.log(`| form | files | s | ${cols.map((c) => c[0]).join(' | ')} |`);
console.log(`|---|---:|---:|${cols.map(() => '---:').join('|')}|`);
for (const [name, r] of Object.entries(results)) {
  console.log(`| ${name} | ${r.files} | ${r.seconds} | ${cols.map(([, k]) => (r.total[k] ?? NaN).toFixed(3)).join(' | ')} |`);
}
mkdirSync(join(root, 'out'), { recursive: true });
writeFileSync(join(root, 'out/bench-real.json'), JSON.stringify({ only: only ?? 'all', results }, null, 2) + '\n');

let failed = false;
const text = results.text?.total;
for (const form of forms.filter((f) => f.bar !== null && results[f.name])) {
  for (const k of ['f1', 'kindAccuracy']) {
    const gap = text[k] - results[form.name].total[k];
    if (gap > form.bar) {
      console.error(`${form.name} twins: ${k} ${results[form.name].total[k].toFixed(3)} is ${gap.toFixed(3)} below the text (allowed ${form.bar})`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
