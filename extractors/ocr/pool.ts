import { availableParallelism } from 'node:os';
import { UsageError } from '../../schemas/errors.js';
import { OcrError } from './_errors.js';
import type { PaddleEngineOptions } from './paddle.js';
import { createPaddleThreadEngine } from './paddle-thread.js';
import { createTesseractEngine, type TesseractEngineOptions } from './tesseract.js';
import { OCR_ENGINES, type OcrEngine, type OcrEngineName, type OcrPageResult, type RasterImage } from './types.js';

export interface OcrPoolOptions {
  /** Which recogniser every engine of the pool runs. */
  engine: OcrEngineName;
  /** Engines started, i.e. pages read at the same time; a whole number from 1 to 32. See `defaultOcrWorkers`. */
  workers: number;
  /** Passed to each tesseract engine. */
  tesseract?: TesseractEngineOptions;
  /** Passed to each paddle engine. */
  paddle?: PaddleEngineOptions;
}

export const MAX_OCR_WORKERS = 32;

/**
 * How many engines pay off: one per core, each in a worker thread. Tesseract.js engines are worker
 * threads of their own. PaddleOCR's inference blocks the thread it runs on (onnxruntime-node's
 * `run` is synchronous), so each engine runs in a thread of its own (paddle-thread.ts; a single engine
 * too, since onnxruntime's start needs a stack sized to the command line), several with one inference
 * thread each: pages are read side by side, which measured faster than
 * one engine using every core for each page, whose many small line runs parallelise poorly (see the
 * README's Speed section). Each paddle engine adds its models and detection peak (~0.3 GB), so at
 * most PADDLE_MAX_DEFAULT unless asked.
 */
export function defaultOcrWorkers(engine: OcrEngineName): number {
  return Math.min(engine === 'paddle' ? PADDLE_MAX_DEFAULT : MAX_OCR_WORKERS, availableParallelism());
}

const PADDLE_MAX_DEFAULT = 4;

/** Throws a UsageError naming the bad field; nothing is started. */
export function validateOcrPoolOptions(options: OcrPoolOptions): void {
  if (!OCR_ENGINES.includes(options.engine)) {
    throw new UsageError(`Expected the OCR engine to be one of ${OCR_ENGINES.join(', ')}, got ${JSON.stringify(options.engine)}`);
  }
  const n = options.workers;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_OCR_WORKERS) {
    throw new UsageError(`Expected OCR workers to be a whole number from 1 to ${MAX_OCR_WORKERS}, got ${JSON.stringify(n)}`);
  }
}

/**
 * A fixed set of OCR engines started once and shared by every page of a run. Pages queue in arrival
 * order and each goes to the next free engine; an engine reads one page at a time.
 */
export class OcrPool {
  readonly engine: OcrEngineName;
  readonly size: number;
  #idle: OcrEngine[];
  #all: OcrEngine[];
  #waiting: { resolve: (e: OcrEngine) => void; reject: (e: unknown) => void }[] = [];
  #closing: Promise<void> | undefined;

  private constructor(engine: OcrEngineName, engines: OcrEngine[]) {
    this.engine = engine;
    this.size = engines.length;
    this.#all = engines;
    this.#idle = [...engines];
  }

  static async create(options: OcrPoolOptions): Promise<OcrPool> {
    validateOcrPoolOptions(options);
    const { engine, workers } = options;
    // One paddle engine runs with every core, several with one each; always in a thread of its own,
    // whose stack onnxruntime's start needs sized to the command line (see _onnx-stack.ts).
    const start = (): Promise<OcrEngine> =>
      engine === 'tesseract'
        ? createTesseractEngine(options.tesseract)
        : createPaddleThreadEngine({ threads: workers === 1 ? 0 : 1, ...options.paddle });
    const settled = await Promise.allSettled(Array.from({ length: workers }, start));
    const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await Promise.allSettled(started.map((e) => e.close()));
      throw failed.reason;
    }
    return new OcrPool(engine, started);
  }

  /** Pages waiting for a free engine. */
  get pending(): number {
    return this.#waiting.length;
  }

  async recognize(image: RasterImage): Promise<OcrPageResult> {
    const engine = await this.#acquire();
    try {
      return await engine.recognize(image);
    } finally {
      this.#release(engine);
    }
  }

  /** Stops every engine; pages still queued or being read reject with `ocr_closed`. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      const closed = new OcrError('ocr_closed', 'the OCR pool was closed');
      for (const w of this.#waiting.splice(0)) w.reject(closed);
      this.#idle = [];
      await Promise.allSettled(this.#all.map((e) => e.close()));
    })();
    return this.#closing;
  }

  #acquire(): Promise<OcrEngine> {
    if (this.#closing) return Promise.reject(new OcrError('ocr_closed', 'the OCR pool is closed'));
    const free = this.#idle.pop();
    if (free) return Promise.resolve(free);
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  #release(engine: OcrEngine): void {
    if (this.#closing) return;
    const next = this.#waiting.shift();
    if (next) next.resolve(engine);
    else this.#idle.push(engine);
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs `fn` with a pool that is closed afterwards, whatever happens. While it runs, SIGINT and
 * SIGTERM first close the pool (terminating the engines' worker threads) and then, when nothing else
 * listens for the signal, re-raise it so the process ends as it would have: status 130 / 143.
 */
export async function withOcrPool<T>(options: OcrPoolOptions, fn: (pool: OcrPool) => Promise<T>): Promise<T> {
  const pool = await OcrPool.create(options);
  const onSignal = (signal: NodeJS.Signals): void => {
    removeHandlers();
    void pool.close().finally(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  const removeHandlers = (): void => {
    for (const s of SIGNALS) process.off(s, onSignal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    return await fn(pool);
  } finally {
    removeHandlers();
    await pool.close();
  }
}
