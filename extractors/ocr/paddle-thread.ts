import { Worker } from 'node:worker_threads';
import { OcrError, describe } from './_errors.js';
import { deferred } from './_deferred.js';
import { onnxThreadStackMb } from './_onnx-stack.js';
import type { PaddleEngineOptions } from './paddle.js';
import type { FromWorker, ToWorker } from './paddle-worker.js';
import type { OcrEngine, OcrPageResult, RasterImage } from './types.js';

/**
 * The worker entry, compiled. Under vitest this module is the TypeScript source, which a worker
 * thread cannot load, so the tests use the build (npm test runs after npm run build in CI).
 */
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/extractors/ocr/paddle-worker.js', import.meta.url)
  : new URL('./paddle-worker.js', import.meta.url);

/**
 * A PaddleOCR engine in a worker thread, so that a pool of them reads pages side by side: each
 * engine's inference blocks its own thread, not the batch's. Same contract as createPaddleEngine.
 * A thread that dies (out of memory, a native crash) fails the page it was reading with
 * `ocr_failed`, and the next page starts a new one.
 */
export async function createPaddleThreadEngine(options: PaddleEngineOptions = {}): Promise<OcrEngine> {
  let thread: Promise<Worker> | undefined;
  let reading: { id: number; done: ReturnType<typeof deferred<OcrPageResult>> } | undefined;
  let closed = false;
  let next = 0;

  const start = (): Promise<Worker> => {
    const worker = new Worker(ENTRY, { workerData: options, resourceLimits: { stackSizeMb: onnxThreadStackMb() } });
    const ready = deferred<Worker>();
    const gone = (error: OcrError) => {
      // This thread is no longer the engine's: the next page starts another.
      if (thread === ready.promise) thread = undefined;
      ready.reject(error);
      reading?.done.reject(error);
      reading = undefined;
    };
    worker.on('message', (m: FromWorker) => {
      if ('ready' in m) return ready.resolve(worker);
      if ('error' in m && m.id === undefined) {
        gone(new OcrError(m.error.code, `PaddleOCR failed to start: ${m.error.message}`));
        return void worker.terminate();
      }
      if (!reading || m.id !== reading.id) return;
      const { done } = reading;
      reading = undefined;
      if ('result' in m) done.resolve(m.result);
      else done.reject(new OcrError(m.error.code, m.error.message));
    });
    worker.on('error', (cause) => gone(new OcrError('ocr_failed', `the PaddleOCR thread failed: ${describe(cause)}`, { cause })));
    worker.on('exit', (code) => gone(new OcrError(closed ? 'ocr_closed' : 'ocr_failed', `the PaddleOCR thread ended (exit code ${code})`)));
    return ready.promise;
  };

  thread = start();
  await thread;
  return {
    name: 'paddle',
    async recognize(image: RasterImage) {
      if (closed) throw new OcrError('ocr_closed', 'the paddle engine is closed');
      const worker = await (thread ??= start());
      const job = { id: ++next, done: deferred<OcrPageResult>() };
      reading = job;
      worker.postMessage({ id: job.id, image } satisfies ToWorker);
      return job.done.promise;
    },
    async close() {
      closed = true;
      reading?.done.reject(new OcrError('ocr_closed', 'the paddle engine was closed while reading a page'));
      reading = undefined;
      const worker = await thread?.catch(() => undefined);
      thread = undefined;
      await worker?.terminate();
    },
  };
}
