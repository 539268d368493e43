import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { OCR_MODES, type OcrMode } from '../../extractors/types.js';
import { OCR_ENGINES, type OcrEngineName } from '../../schemas/index.js';
import { defaultOcrWorkers } from '../../extractors/ocr/index.js';
import { DEFAULT_CONCURRENCY, ingest, STAGES, type StageName } from '../ingest.js';
import { DEFAULT_OCR_ENGINE, type OcrOptions } from '../ocr-service.js';
import { UsageError } from '../errors.js';
import type { Command } from './command.js';
import { parse } from './command.js';
import { createProgress } from './progress.js';

const HELP = `Usage: renda ingest <files or folders…> [--out <dir>] [options]

Reads text (.txt, UTF-8/GB18030), PDFs (text layer, or OCR for scanned or broken pages), page
images (.png, .jpg, .tif), saved web pages (.html/.htm) and Word files (.docx; legacy .doc when
LibreOffice is installed), walking folders recursively. Writes one JSON file per source to
<out>/json/<sourceId>.json and all rows to <out>/renda.sqlite. Re-ingesting a file replaces its rows.

Options:
  --out, -o <dir>          output folder (default: out/)
  --concurrency <list>     per-stage workers, e.g. extract=4,store=1
                           stages: ${STAGES.join(', ')}; defaults: ${STAGES.map((s) => `${s}=${DEFAULT_CONCURRENCY[s]}`).join(', ')}
  --ocr <mode>             auto: OCR PDF pages whose text layer is empty, garbage or far shorter
                           than their print, and images (default); always: OCR every page;
                           never: trust text layers, fail images
  --ocr-engine <name>      ${OCR_ENGINES.join(' | ')} (default: ${DEFAULT_OCR_ENGINE})
  --ocr-workers <n>        OCR engines in the batch's pool (default: tesseract one per CPU core,
                           here ${availableParallelism()}; paddle 1, as ONNX runs on one thread of its own)
  --no-similar             do not rebuild the similar-items table after the batch (it covers the
                           whole database: for many batches in a row, run 'renda similar --build'
                           once at the end)
  --quiet, -q              no progress bar and no per-file error lines
  --json                   print the summary as JSON instead of one line

Exit codes: 0 every file succeeded; 1 some files failed (the others are written; see
<out>/failures.json); 2 bad usage.`;

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'read files and folders into JSON and SQLite',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse('ingest', argv, {
      out: { type: 'string', short: 'o', default: 'out/' },
      concurrency: { type: 'string' },
      ocr: { type: 'string', default: 'auto' },
      'ocr-engine': { type: 'string', default: DEFAULT_OCR_ENGINE },
      'ocr-workers': { type: 'string' },
      'no-similar': { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length === 0) throw new UsageError('ingest: name at least one file or folder');
    const out = values.out as string;
    const outStat = await stat(out).catch(() => null);
    if (outStat && !outStat.isDirectory()) throw new UsageError(`--out: ${out} exists and is not a folder`);
    const concurrency = parseConcurrency(values.concurrency);
    const ocr = parseOcr(values.ocr as string, values['ocr-engine'] as string, values['ocr-workers'] as string | undefined);
    const progress = values.quiet ? null : createProgress();
    let summary;
    try {
      summary = await ingest({
        inputs: positionals,
        out,
        concurrency,
        ocr,
        similar: !values['no-similar'],
        onFile: (done, total) => progress?.update(done, total),
      });
    } finally {
      progress?.stop();
    }
    if (!values.quiet) {
      for (const s of summary.skipped) process.stderr.write(`skipped ${s.path}: ${s.reason}\n`);
      for (const f of summary.failures) process.stderr.write(`error ${f.code} ${f.path}: ${f.message}\n`);
    }
    if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else {
      process.stdout.write(
        `renda: ${summary.files} files, ${summary.documents} documents, ${summary.items} items, ` +
          `${summary.warnings} warnings, ${summary.failures.length} failures, ${summary.skipped.length} skipped, ` +
          `${summary.ocrPages ? `${summary.ocrPages} pages OCR'd, ` : ''}${summary.seconds} s\n`,
      );
    }
    return summary.failures.length ? 1 : 0;
  },
};

/** OCR flags, checked before any file is read. */
export function parseOcr(mode: string, engine: string, workers: string | undefined): OcrOptions {
  if (!(OCR_MODES as readonly string[]).includes(mode)) throw new UsageError(`--ocr: expected one of ${OCR_MODES.join(', ')}, got '${mode}'`);
  if (!(OCR_ENGINES as readonly string[]).includes(engine)) {
    throw new UsageError(`--ocr-engine: expected one of ${OCR_ENGINES.join(', ')}, got '${engine}'`);
  }
  const n = workers === undefined ? defaultOcrWorkers(engine as OcrEngineName) : Number(workers);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new UsageError(`--ocr-workers: expected a whole number from 1 to 32, got '${workers}'`);
  return { mode: mode as OcrMode, engine: engine as OcrEngineName, workers: n };
}

/** "extract=4,store=1" → a full per-stage map; checked before any file is read. */
export function parseConcurrency(spec: string | undefined): Record<StageName, number> {
  const out = { ...DEFAULT_CONCURRENCY };
  if (!spec) return out;
  for (const part of spec.split(',')) {
    const [stage, value] = part.split('=');
    if (!(STAGES as readonly string[]).includes(stage)) {
      throw new UsageError(`--concurrency: unknown stage '${stage}' (stages: ${STAGES.join(', ')})`);
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
      throw new UsageError(`--concurrency: expected ${stage} to be a whole number from 1 to 64, got '${value}'`);
    }
    if (stage === 'store' && n !== 1) throw new UsageError('--concurrency: store must be 1 (one SQLite writer)');
    out[stage as StageName] = n;
  }
  return out;
}
