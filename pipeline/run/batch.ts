import { join } from 'node:path';
import type { Limits } from '../../extractors/limits.js';
import type { Document } from '../../schemas/index.js';
import { engineLimitError, FileError } from '../../schemas/errors.js';
import type { OcrOptions } from '../extract/ocr-service.js';
import { buildSimilar } from '../store/similar/build.js';
import type { Store } from '../store/store.js';
import { writeAtomic } from '../store/write-json.js';

/**
 * A batch as both runners see it: what it is asked (IngestOptions), what it answers
 * (IngestSummary), and the tally between the two. The local runner and the queued one fill the
 * same tally, so their summaries, failures.json and exit codes agree.
 */
export const STAGES = ['extract', 'normalise', 'analyse', 'store'] as const;
export type StageName = (typeof STAGES)[number];

export const DEFAULT_CONCURRENCY: Record<StageName, number> = { extract: 2, normalise: 1, analyse: 1, store: 1 };

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
  /**
   * A Redis URL: extract, normalise and analyse run as jobs for `renda worker` processes on any
   * host; this process reads the files, submits them and stores the results. Absent: all in this
   * process, no Redis.
   */
  queue?: string;
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

/** Counts a batch's outcomes as files finish, in whatever order they finish. */
export class Tally {
  readonly summary: IngestSummary;
  /** @param started when the batch began (performance.now()), before its inputs were listed */
  constructor(files: number, skipped: IngestSummary['skipped'], private readonly started: number) {
    this.summary = { files, succeeded: 0, documents: 0, items: 0, warnings: 0, warningCodes: {}, failures: [], skipped, stopped: [], ocrPages: 0, similar: null, seconds: 0 };
  }

  stored(documents: Document[]): void {
    const s = this.summary;
    s.succeeded++;
    s.documents += documents.length;
    s.items += documents.reduce((n, d) => n + d.items.length, 0);
    for (const w of documents.flatMap((d) => d.warnings)) {
      s.warnings++;
      s.warningCodes[w.code] = (s.warningCodes[w.code] ?? 0) + 1;
    }
  }

  failed(path: string, err: unknown): void {
    this.summary.failures.push(toFailure(path, err));
  }

  /**
   * The similar-items table rebuilt after a batch that stored something, unless the caller turned
   * it off or the batch was stopped. A derived table: if it cannot be rebuilt the batch's rows still
   * stand, so this is reported, not thrown (renda similar --build retries it).
   */
  async rebuildSimilar(store: Store, options: Pick<IngestOptions, 'similar' | 'signal'>, stopped = false): Promise<void> {
    if (this.summary.succeeded === 0 || options.similar === false || options.signal?.aborted || stopped) return;
    this.summary.similar = await buildSimilar(store).catch((err: unknown) => ({ error: (err as Error).message }));
  }

  /** Sorts what arrived in completion order, and writes failures.json (whole or not at all). */
  async finish(out: string): Promise<IngestSummary> {
    const s = this.summary;
    s.failures.sort((a, b) => (a.path < b.path ? -1 : 1));
    s.warningCodes = Object.fromEntries(Object.entries(s.warningCodes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
    s.seconds = Math.round((performance.now() - this.started) / 10) / 100;
    await writeAtomic(join(out, 'failures.json'), JSON.stringify(s.failures, null, 2) + '\n');
    return s;
  }
}

/** A file's error as its failure record: its own code, the engine-limit net, or internal_error. */
export function toFailure(path: string, err: unknown): Failure {
  if (err instanceof FileError) return { path, code: err.code, message: err.message };
  const limit = engineLimitError(err);
  if (limit) return { path, code: limit.code, message: limit.message };
  const message = err instanceof Error ? err.message : String(err);
  return { path, code: 'internal_error', message };
}
