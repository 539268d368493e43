import { parentPort, workerData } from 'node:worker_threads';
import { OcrError, describe } from './_errors.js';
import { createPaddleEngine, type PaddleEngineOptions } from './paddle.js';
import type { OcrEngine, RasterImage } from './types.js';

/**
 * The worker-thread side of paddle-thread.ts: one PaddleOCR engine in its own thread, reading one
 * page at a time. onnxruntime-node's `run` blocks the thread it is called on, so an engine per
 * thread is what lets pages be read side by side.
 */
export type ToWorker = { id: number; image: RasterImage };
export type FromWorker =
  | { ready: true }
  | { id: number; result: Awaited<ReturnType<OcrEngine['recognize']>> }
  | { id?: number; error: { code: OcrError['code']; message: string } };

const port = parentPort;
if (!port) throw new Error('paddle-worker.ts runs only as a worker thread');

const failure = (cause: unknown, code: OcrError['code']) => ({
  code: cause instanceof OcrError ? cause.code : code,
  message: describe(cause),
});

let engine: OcrEngine;
try {
  engine = await createPaddleEngine(workerData as PaddleEngineOptions);
  port.postMessage({ ready: true } satisfies FromWorker);
} catch (cause) {
  port.postMessage({ error: failure(cause, 'ocr_unavailable') } satisfies FromWorker);
  port.close();
}

port.on('message', async ({ id, image }: ToWorker) => {
  try {
    port.postMessage({ id, result: await engine.recognize(image) } satisfies FromWorker);
  } catch (cause) {
    port.postMessage({ id, error: failure(cause, 'ocr_failed') } satisfies FromWorker);
  }
});
