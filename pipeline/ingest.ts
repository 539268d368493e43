import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { SCHEMA_VERSION, type SourceResult } from '../schemas/index.js';
import { analyse } from './analyse.js';
import { discover } from './discover.js';
import { engineLimitError, FileError } from './errors.js';
import { normalise } from './normalize.js';
import { defaultOcrWorkers } from '../extractors/ocr/index.js';
import type { Limits } from '../extractors/limits.js';
import { createOcrService, DEFAULT_OCR_ENGINE, type OcrOptions } from './ocr-service.js';
import { readAndExtract } from './read-source.js';
import { Store } from './store.js';
import { buildSimilar } from './similar/build.js';
import { prepareResultJson, writeAtomic, writeResultJson } from './write-json.js';

/**
 * A batch: extract → normalise → analyse (split, segment, classify and fields) → store. Each stage
 * is a p-queue with its own concurrency, so slow extraction (PDF) overlaps with analysis and the
 * single SQLite writer. A file that fails anywhere is recorded with its code and the batch goes on.
 */
export const STAGES = ['extract', 'normalise', 'analyse', 'store'] as const;
export type StageName = (typeof STAGES)[number];

export interface IngestOptions {
  inputs: string[];
  /** Output folder: json/ and renda.sqlite go here. */
  out: string;
  /** Concurrency per stage. @default extract: 2, normalise: 1, analyse: 1, store: 1 */
  concurrency: Record<StageName, number>;
  /** What one file may cost (size, pages, characters, pixels). @default DEFAULT_LIMITS */
  limits?: Limits;
  /** OCR of scans and images. @default mode 'auto', engine 'tesseract', workers = CPU cores */
  ocr?: OcrOptions;
  /**
   * Rebuild the similar-items table after the batch when anything was stored. @default true
   * (off for callers that ingest many small batches and rebuild once at the end).
   */
  similar?: boolean;
  /**
   * Stops the batch: files not yet started are left unread (listed in `stopped`), files in flight
   * finish. For callers with their own signal handling (renda crawl), together with
   * `handleSignals: false`.
   */
  signal?: AbortSignal;
  /** Close OCR engines and exit on SIGINT/SIGTERM. @default true */
  handleSignals?: boolean;
  /** Called after each file, for progress display. */
  onFile?: (done: number, total: number, path: string) => void;
}

export interface Failure {
  path: string;
  code: string;
  message: string;
}

export interface IngestSummary {
  files: number;
  succeeded: number;
  documents: number;
  items: number;
  warnings: number;
  /** Warnings by code, most frequent first. */
  warningCodes: Record<string, number>;
  failures: Failure[];
  skipped: Array<{ path: string; reason: string }>;
  /** Files not read because the batch was stopped (`signal`). */
  stopped: string[];
  /** Pages recognised by OCR. */
  ocrPages: number;
  /** The similar-items table rebuilt after the batch, or why it was not. */
  similar: { items: number; pairs: number; method: string; seconds: number } | { error: string } | null;
  seconds: number;
}

/** Files admitted beyond the extract workers, so that the later stages always have work queued. */
const IN_FLIGHT_SLACK = 4;

export const DEFAULT_CONCURRENCY: Record<StageName, number> = { extract: 2, normalise: 1, analyse: 1, store: 1 };

export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { files, skipped } = await discover(options.inputs);
  await mkdir(join(options.out, 'json'), { recursive: true });
  const store = await Store.open(join(options.out, 'renda.sqlite'));
  const queues = Object.fromEntries(STAGES.map((s) => [s, new PQueue({ concurrency: options.concurrency[s] })])) as Record<StageName, PQueue>;
  const summary: IngestSummary = { files: files.length, succeeded: 0, documents: 0, items: 0, warnings: 0, warningCodes: {}, failures: [], skipped, stopped: [], ocrPages: 0, similar: null, seconds: 0 };
  const engine = options.ocr?.engine ?? DEFAULT_OCR_ENGINE;
  const ocr = createOcrService(options.ocr ?? { mode: 'auto', engine, workers: defaultOcrWorkers(engine) });
  // Ctrl-C must not leave tesseract workers or ONNX sessions behind.
  const onSignal = (signal: NodeJS.Signals) => {
    void ocr.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  const handleSignals = options.handleSignals !== false;
  if (handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  let done = 0;

  const processFile = async (path: string) => {
    if (options.signal?.aborted) {
      summary.stopped.push(path);
      return;
    }
    try {
      const read = await queues.extract.add(() => readAndExtract(path, ocr.context, options.limits));
      const normalised = await queues.normalise.add(() => normalise(read.extracted));
      const ocrPages = read.extracted.pages.filter((p) => p.ocr);
      const ocrConfidence = new Map(ocrPages.map((p) => [p.number, p.ocr!.confidence]));
      const documents = await queues.analyse.add(() => analyse({ sourceId: read.id, normalised, meta: read.extracted.meta, ocrConfidence }));
      for (const d of documents) d.warnings.unshift(...read.warnings);
      const result: SourceResult = {
        schemaVersion: SCHEMA_VERSION,
        source: {
          id: read.id,
          path,
          sha256: read.sha256,
          mediaType: read.extracted.mediaType,
          extractor: read.extracted.extractor,
          pages: read.extracted.pageCount,
          ocr: ocrPages.length
            ? { engine: ocrPages[0].ocr!.engine, pages: ocrPages.map((p) => ({ page: p.number, confidence: round2(p.ocr!.confidence) })) }
            : null,
        },
        documents,
      };
      await queues.store.add(async () => {
        // Validate (inside writeResultJson) before touching the database, commit the rows, then
        // publish the JSON: a file that fails leaves neither behind.
        const json = await prepareResultJson(result);
        let replaced: string[];
        try {
          replaced = await store.put(result);
        } catch (err) {
          throw new FileError('store_failed', `could not write to the database: ${(err as Error).message}`, { cause: err });
        }
        await writeResultJson(options.out, result.source.id, json);
        await Promise.all(replaced.map((id) => rm(join(options.out, 'json', `${id}.json`), { force: true })));
      });
      summary.succeeded++;
      summary.documents += documents.length;
      summary.items += documents.reduce((n, d) => n + d.items.length, 0);
      for (const w of documents.flatMap((d) => d.warnings)) {
        summary.warnings++;
        summary.warningCodes[w.code] = (summary.warningCodes[w.code] ?? 0) + 1;
      }
    } catch (err) {
      summary.failures.push(toFailure(path, err));
    } finally {
      options.onFile?.(++done, files.length, path);
    }
  };

  // Admit only a few files at a time: the store stage is the slowest, and without back-pressure
  // every extracted document of a large batch would wait in memory for it.
  const admission = new PQueue({ concurrency: options.concurrency.extract + IN_FLIGHT_SLACK });
  try {
    await Promise.all(files.map((f) => admission.add(() => processFile(f))));
    if (summary.succeeded > 0 && options.similar !== false && !options.signal?.aborted) {
      // A derived table: if it cannot be rebuilt the batch's rows still stand, so this is reported,
      // not thrown (renda similar --build retries it).
      summary.similar = await buildSimilar(store).catch((err: unknown) => ({ error: (err as Error).message }));
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    summary.ocrPages = ocr.pages();
    await ocr.close();
    await store.close();
  }
  summary.failures.sort((a, b) => (a.path < b.path ? -1 : 1));
  summary.warningCodes = Object.fromEntries(Object.entries(summary.warningCodes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  await writeAtomic(join(options.out, 'failures.json'), JSON.stringify(summary.failures, null, 2) + '\n');
  return summary;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function toFailure(path: string, err: unknown): Failure {
  if (err instanceof FileError) return { path, code: err.code, message: err.message };
  const limit = engineLimitError(err);
  if (limit) return { path, code: limit.code, message: limit.message };
  const message = err instanceof Error ? err.message : String(err);
  return { path, code: 'internal_error', message };
}
