import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { SourceResult } from '../../../schemas/index.js';
import { FileError } from '../../../schemas/errors.js';
import { analyseSource } from '../../analyse/analyse-source.js';
import { extractSource } from '../../extract/extract.js';
import { createOcrService, type OcrOptions } from '../../extract/ocr-service.js';
import { sourceFile } from '../../extract/read-source.js';
import { normaliseSource } from '../../normalise/normalise.js';
import { toFailure } from '../batch.js';
import { connect, QUEUE_NAME, type QueueAddress } from './connection.js';
import { bytesKey, encodeFailure, TRANSIENT_CODES, type FileJob } from './job.js';
import { DONE_BY_HOST, FAILED_BY_HOST, hostOf } from './status.js';

/**
 * `renda worker`: takes source files from the queue and runs extract → normalise → analyse on
 * them, the very stage functions of the local run, returning each SourceResult to the submitter.
 * It reads nothing from any disk: a file's bytes come from Redis. BullMQ gives the guarantees:
 * a job held by a worker that dies is taken up again once its lock lapses (stalled-job
 * detection), a job that throws an ordinary error is tried again with backoff, and a file's own
 * error (UnrecoverableError) fails its job at once.
 */
export interface WorkerOptions {
  address: QueueAddress;
  /** Jobs at once in this process. Analysis runs on this thread; OCR in the engine's own pool. */
  concurrency: number;
  ocr: OcrOptions;
  /** How long a job's lock lasts without renewal, i.e. how soon a dead worker's job is taken up. @default 30 000 ms */
  lockDuration?: number;
  /** Told of each job as it ends, for the worker's log. */
  onJob?: (event: { path: string; outcome: 'done' | 'failed' | 'retry'; code?: string; ms: number }) => void;
  /** Told when Redis cannot be reached (each outage once) and when it can again. */
  onConnection?: (state: 'lost' | 'back', detail: string) => void;
}

export interface RunningWorker {
  /** This worker's name in `renda queue status`: host:pid. */
  name: string;
  /** Finish the jobs in hand, then stop. */
  close(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const name = `${hostname()}:${process.pid}`;
  const redis = connect(options.address);
  const ocr = createOcrService(options.ocr);

  const processFile = async (job: Job<FileJob, SourceResult>): Promise<SourceResult> => {
    const started = performance.now();
    const { path, sha256, ocrMode, limits } = job.data;
    const report = (outcome: 'done' | 'failed' | 'retry', code?: string) => options.onJob?.({ path, outcome, code, ms: Math.round(performance.now() - started) });
    const bytes = await redis.getBuffer(bytesKey(sha256));
    if (!bytes) {
      report('retry', 'bytes_missing');
      // Not the file's fault: the submitter sends the bytes again when it finds the job unfinished.
      throw new Error(`the bytes of ${path} are not in Redis (a Redis restart without persistence?)`);
    }
    const file = sourceFile(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    try {
      if (file.sha256 !== sha256) throw new FileError('queue_failed', `the bytes in Redis are not the file submitted (sha256 ${file.sha256.slice(0, 12)}…, expected ${sha256.slice(0, 12)}…)`);
      const result = analyseSource(normaliseSource(await extractSource(file, { ...ocr.context, mode: ocrMode }, limits)));
      report('done');
      return result;
    } catch (err) {
      const failure = toFailure(path, err);
      if (TRANSIENT_CODES.has(failure.code as never)) {
        report('retry', failure.code);
        throw err;
      }
      report('failed', failure.code);
      throw new UnrecoverableError(encodeFailure(new FileError(failure.code as FileError['code'], failure.message)));
    }
  };

  const worker = new Worker<FileJob, SourceResult>(QUEUE_NAME, processFile, {
    connection: options.address.options,
    concurrency: options.concurrency,
    name,
    lockDuration: options.lockDuration ?? 30_000,
    stalledInterval: Math.max(1000, Math.round((options.lockDuration ?? 30_000) / 2)),
    maxStalledCount: 2,
    autorun: false,
  });
  let lost = false;
  const onError = (err: Error) => {
    if (lost) return;
    lost = true;
    options.onConnection?.('lost', err.message);
  };
  // Without listeners an EventEmitter's 'error' is thrown: a Redis restart would kill the worker.
  worker.on('error', onError);
  redis.on('error', onError);
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    options.onConnection?.('back', options.address.shown);
  });
  // Per-host counts for `renda queue status`; a count lost in an outage is only a statistic.
  worker.on('completed', () => void redis.hincrby(DONE_BY_HOST, hostOf(name), 1).catch(() => undefined));
  worker.on('failed', (job) => {
    if (job && (job.finishedOn || job.attemptsMade >= (job.opts.attempts ?? 1))) void redis.hincrby(FAILED_BY_HOST, hostOf(name), 1).catch(() => undefined);
  });
  await worker.waitUntilReady();
  void worker.run();
  return {
    name,
    async close() {
      await worker.close();
      await ocr.close();
      redis.disconnect();
    },
  };
}
