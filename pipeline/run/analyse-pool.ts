import { Worker } from 'node:worker_threads';
import type { Limits } from '../../extractors/limits.js';
import type { OcrPageResult, RasterImage } from '../../extractors/ocr/types.js';
import type { OcrContext, OcrMode } from '../../extractors/types.js';
import { FileError, type FileErrorCode } from '../../schemas/errors.js';
import type { SourceResult } from '../../schemas/index.js';
import type { SourceFile } from '../../schemas/stages.js';
import { toFailure } from './batch.js';

/**
 * The local runner's extract → normalise → analyse on worker threads (analyse-thread.ts). pdf.js,
 * the HTML and Word readers and the analysis are synchronous JavaScript: on the main thread they
 * kept one core busy while the other waited, and held up the SQLite writer's callbacks. The main
 * thread now reads the files, answers the threads' OCR requests from the batch's one engine pool
 * and stores the results. A thread is started when there is work and room for it; one that dies is
 * replaced by the next file. A file that throws is that file's failure with its code. The files a
 * thread held when it died are tried again, each on a thread of its own, and one that kills that
 * thread too fails with the thread's error (out of memory: too_complex). The batch goes on.
 */

export interface AnalysePoolOptions {
  /** Threads at most. */
  threads: number;
  /**
   * Files one thread holds at once: while one waits for OCR or for bytes from a subprocess (.doc),
   * the thread works on another.
   */
  filesPerThread: number;
  /** The batch's OCR, which stays on this thread. */
  ocr: OcrContext;
  limits?: Limits;
}

/** Main thread → a pool thread. */
export type ThreadMessage =
  | FileTask
  | { type: 'ocr-done'; id: number; result: OcrPageResult }
  | { type: 'ocr-failed'; id: number; failure: FailureRecord };
export interface FileTask {
  type: 'file';
  id: number;
  file: SourceFile;
  ocrMode: OcrMode;
  limits?: Limits;
}
/** A pool thread → the main thread. */
export type Reply =
  | { type: 'done'; id: number; result: SourceResult }
  | { type: 'failed'; id: number; failure: FailureRecord }
  | { type: 'ocr'; id: number; task: number; image: RasterImage };
interface FailureRecord {
  code: string;
  message: string;
}

interface Task {
  file: SourceFile;
  resolve: (result: SourceResult) => void;
  reject: (err: unknown) => void;
  /** On a thread of its own: it was on a thread that died. */
  alone?: boolean;
}

interface Thread {
  worker: Worker;
  tasks: Map<number, Task>;
  /** Why the thread is going (its uncaught error), for the files it held. */
  error?: unknown;
}

export class AnalysePool {
  readonly #options: AnalysePoolOptions;
  readonly #threads = new Set<Thread>();
  readonly #waiting: Task[] = [];
  #tasks = 0;
  #closed = false;

  constructor(options: AnalysePoolOptions) {
    this.#options = options;
  }

  /** Extract, normalise and analyse one file on a thread of the pool. */
  analyse(file: SourceFile): Promise<SourceResult> {
    if (this.#closed) return Promise.reject(closedError());
    return new Promise((resolve, reject) => {
      this.#waiting.push({ file, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops every thread, also one in the middle of a file (that file fails); waiting files fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const task of this.#waiting.splice(0)) task.reject(closedError());
    await Promise.all([...this.#threads].map((t) => t.worker.terminate()));
  }

  #dispatch(): void {
    const { threads, filesPerThread, ocr, limits } = this.#options;
    while (this.#waiting.length && !this.#closed) {
      // An idle thread, else a new one while the pool is not full, else the least busy with room
      // (but none for a file that must be alone, nor beside one).
      const alone = this.#waiting[0].alone;
      const all = [...this.#threads].filter((t) => !t.error); // a thread with an error is going
      const idle = all.find((t) => t.tasks.size === 0);
      const roomy = all
        .filter((t) => !alone && t.tasks.size < filesPerThread && ![...t.tasks.values()].some((k) => k.alone))
        .sort((a, b) => a.tasks.size - b.tasks.size)[0];
      const thread = idle ?? (all.length < threads ? this.#start() : roomy);
      if (!thread) return;
      const task = this.#waiting.shift()!;
      const id = ++this.#tasks;
      thread.tasks.set(id, task);
      try {
        thread.worker.postMessage({ type: 'file', id, file: task.file, ocrMode: ocr.mode, limits } satisfies ThreadMessage);
      } catch (err) {
        // A value that cannot be copied to a thread (a bug upstream) fails its file, not the batch.
        thread.tasks.delete(id);
        task.reject(err);
      }
    }
  }

  #start(): Thread {
    const thread: Thread = { worker: startThread(), tasks: new Map() };
    thread.worker.on('message', (reply: Reply) => {
      if (reply.type === 'ocr') {
        void this.#recognize(thread, reply.id, reply.image);
        return;
      }
      const task = thread.tasks.get(reply.id);
      thread.tasks.delete(reply.id);
      if (reply.type === 'done') task?.resolve(reply.result);
      else task?.reject(new FileError(reply.failure.code as FileErrorCode, reply.failure.message));
      this.#dispatch();
    });
    thread.worker.on('error', (err) => {
      thread.error = err;
    });
    thread.worker.on('exit', (code) => {
      this.#threads.delete(thread);
      // The thread's own error (out of memory gives the engine-limit code, too_complex) or, after
      // close() or an exit without one, why it stopped.
      const why = this.#closed ? closedError() : (thread.error ?? new FileError('internal_error', `the analysis thread stopped (exit code ${code})`));
      const held = [...thread.tasks.values()];
      thread.tasks.clear();
      // Which file killed the thread is not known (one beside it, or one it had finished, may have
      // left something behind that threw): each is tried again on a thread of its own, and fails
      // only when it kills that one too.
      for (const task of held) if (task.alone || this.#closed) task.reject(why);
      this.#waiting.unshift(...held.filter((t) => !t.alone && !this.#closed).map((t) => ({ ...t, alone: true })));
      this.#dispatch();
    });
    this.#threads.add(thread);
    return thread;
  }

  /** A page a thread asks OCR for, recognised by the batch's engines on this thread. */
  async #recognize(thread: Thread, id: number, image: RasterImage): Promise<void> {
    const failed = (err: unknown): ThreadMessage => {
      const { code, message } = toFailure('', err);
      return { type: 'ocr-failed', id, failure: { code, message } };
    };
    let message: ThreadMessage;
    try {
      message = { type: 'ocr-done', id, result: await this.#options.ocr.recognize(image) };
    } catch (err) {
      message = failed(err);
    }
    // A thread that has gone meanwhile is not asked anything more.
    if (!this.#threads.has(thread)) return;
    try {
      thread.worker.postMessage(message);
    } catch (err) {
      // A reading that cannot be copied must still answer the page, or its file would wait forever.
      thread.worker.postMessage(failed(err));
    }
  }
}

const closedError = () => new FileError('internal_error', 'the analysis pool was closed before this file was analysed');

/**
 * The thread's entry beside this module: analyse-thread.js in dist/. Run from the TypeScript
 * sources (tests, tsx), the thread loads tsx's loader itself, since a worker does not inherit the
 * loader its parent was started with.
 */
function startThread(): Worker {
  const ts = import.meta.url.endsWith('.ts');
  const entry = new URL(ts ? './analyse-thread.ts' : './analyse-thread.js', import.meta.url);
  if (!ts) return new Worker(entry);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(boot, { eval: true });
}
