import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { OCR_MODES, type OcrMode } from '../../../extractors/types.js';
import { OCR_ENGINES, type OcrEngineName } from '../../../schemas/index.js';
import { defaultOcrWorkers } from '../../../extractors/ocr/index.js';
import { DEFAULT_CONCURRENCY, ingest, STAGES, type StageName } from '../../run/ingest.js';
import { DEFAULT_OCR_ENGINE, type OcrOptions } from '../../extract/ocr-service.js';
import { UsageError } from '../../../schemas/errors.js';
import { DEFAULT_LIMITS, formatAmount, LIMIT_SPECS, parseAmount, type Limits, type LimitSpec } from '../../../extractors/limits.js';
import { parseQueueUrl } from '../../run/queue/connection.js';
import { MAX_QUEUE_FILE_CEILING } from '../../run/queue/job.js';
import type { Command } from './command.js';
import { parse, wholeNumber } from './command.js';
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
  --quiet, -q              no progress bar and no summary line (errors are still printed)
  --queue <redis-url>      run extract, normalise and analyse on 'renda worker' processes through
                           this Redis (redis://host:6379/0); this process reads the files, sends
                           their bytes and stores the results. Workers' --ocr-engine decides the
                           engine; --ocr (the mode) and the limits travel with each file
  --max-queue-file <size>  largest file sent through the queue (default: 64MB; a larger one fails
                           with too_large_for_queue)
  --queue-wait <seconds>   how long Redis may be out of reach before the batch stops with exit 3
                           (default: 60)

  --json                   print the summary as JSON instead of one line

Limits per file (a file over one fails alone with the code named, before the expensive work;
sizes take KB/MB/GB, counts k/M):
${LIMIT_SPECS.map(limitHelp).join('\n')}

Exit codes: 0 every file succeeded; 1 some files failed (the others are written; see
<out>/failures.json); 2 bad usage; 3 the queue's Redis could not be reached (what was stored stays;
the same command again resumes).`;

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
      queue: { type: 'string' },
      'max-queue-file': { type: 'string' },
      'queue-wait': { type: 'string' },
      ...Object.fromEntries(LIMIT_SPECS.map((l) => [l.option.slice(2), { type: 'string' as const }])),
    });
    if (positionals.length === 0) throw new UsageError('ingest: name at least one file or folder');
    const out = values.out as string;
    const outStat = await stat(out).catch(() => null);
    if (outStat && !outStat.isDirectory()) throw new UsageError(`--out: ${out} exists and is not a folder`);
    const concurrency = parseConcurrency(values.concurrency);
    const ocr = parseOcr(values.ocr as string, values['ocr-engine'] as string, values['ocr-workers'] as string | undefined);
    const limits = parseLimits(values as Record<string, unknown>);
    const queue = values.queue === undefined ? undefined : parseQueueUrl(values.queue as string).url;
    const maxQueueFile = parseMaxQueueFile(values['max-queue-file'] as string | undefined, queue);
    const outageMs = parseQueueWait(values['queue-wait'] as string | undefined, queue);
    const progress = values.quiet ? null : createProgress();
    let summary;
    try {
      summary = await ingest({
        inputs: positionals,
        out,
        concurrency,
        ocr,
        limits,
        similar: !values['no-similar'],
        queue,
        maxQueueFile,
        outageMs,
        onFile: (done, total) => progress?.update(done, total),
      });
    } finally {
      progress?.stop();
    }
    // Errors are never quiet: a file that failed is something the user must hear about.
    for (const f of summary.failures) process.stderr.write(`error ${f.code} ${f.path}: ${f.message}\n`);
    if (!values.quiet) for (const s of summary.skipped) process.stderr.write(`skipped ${s.path}: ${s.reason}\n`);
    if (values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else if (!values.quiet) {
      process.stdout.write(
        `renda: ${summary.files} files, ${summary.documents} documents, ${summary.items} items, ` +
          `${summary.warnings} warnings, ${summary.failures.length} failures, ${summary.skipped.length} skipped, ` +
          `${summary.ocrPages ? `${summary.ocrPages} pages OCR'd, ` : ''}${summary.seconds} s\n`,
      );
      if (summary.warnings) process.stdout.write(warningsLine(summary.warningCodes, out));
    }
    return summary.failures.length ? 1 : 0;
  },
};

/** The most frequent warning codes, and where the full list is. */
function warningsLine(codes: Record<string, number>, out: string): string {
  const top = Object.entries(codes).slice(0, 5).map(([code, n]) => `${code} ${n}`);
  const more = Object.keys(codes).length > 5 ? ', …' : '';
  const db = join(out, 'renda.sqlite');
  return (
    `warnings: ${top.join(', ')}${more} (each in ${join(out, 'json')}/<source>.json, or: ` +
    `renda query "SELECT code, message, document_id FROM document_warnings" --db ${db})\n`
  );
}

function limitHelp(l: LimitSpec): string {
  const head = `  ${l.option} <${l.unit === 'bytes' ? 'size' : 'n'}>`.padEnd(27);
  const effect = l.code ? `fails with ${l.code}` : 'larger pages are drawn smaller';
  return `${head}${l.what} (default: ${formatAmount(l.default, l.unit)}; ${effect})`;
}

/** --max-* flags, checked before any file is read. */
export function parseLimits(values: Record<string, unknown>): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const l of LIMIT_SPECS) {
    const raw = values[l.option.slice(2)];
    if (raw === undefined) continue;
    const n = parseAmount(String(raw), l.unit);
    if (n === null || n < l.min || n > l.max) {
      throw new UsageError(
        `${l.option}: expected ${l.unit === 'bytes' ? 'a size such as 100MB' : 'a whole number'} from ${formatAmount(l.min, l.unit)} to ${formatAmount(l.max, l.unit)}, got '${raw}'`,
      );
    }
    limits[l.key] = n;
  }
  return limits;
}

/** --max-queue-file, which only means something with --queue. */
function parseMaxQueueFile(raw: string | undefined, queue: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!queue) throw new UsageError('--max-queue-file: only with --queue');
  const n = parseAmount(raw, 'bytes');
  if (n === null || n < 1 || n > MAX_QUEUE_FILE_CEILING) throw new UsageError(`--max-queue-file: expected a size such as 64MB, at most 511MB (Redis's limit for one value), got '${raw}'`);
  return n;
}

/** --queue-wait in seconds, which only means something with --queue. */
function parseQueueWait(raw: string | undefined, queue: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!queue) throw new UsageError('--queue-wait: only with --queue');
  return wholeNumber('--queue-wait', raw, 1, 86_400) * 1000;
}

/** OCR flags, checked before any file is read. */
export function parseOcr(mode: string, engine: string, workers: string | undefined): OcrOptions {
  if (!(OCR_MODES as readonly string[]).includes(mode)) throw new UsageError(`--ocr: expected one of ${OCR_MODES.join(', ')}, got '${mode}'`);
  if (!(OCR_ENGINES as readonly string[]).includes(engine)) {
    throw new UsageError(`--ocr-engine: expected one of ${OCR_ENGINES.join(', ')}, got '${engine}'`);
  }
  const n = workers === undefined ? defaultOcrWorkers(engine as OcrEngineName) : wholeNumber('--ocr-workers', workers, 1, 32);
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
