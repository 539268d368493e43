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
import { bytesKey, encodeFailure, rendaBuild, TRANSIENT_CODES, type FileJob } from './job.js';
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
  /**
   * How long a job's lock lasts without renewal, i.e. how soon a dead worker's job is taken up.
   * The lock is renewed from this thread, so it must outlast the longest synchronous step: the
   * analysis of one whole file (up to ~30 s at the default --max-chars). @default 120 000 ms
   */
  lockDuration?: number;
  /** Told of each job as it ends, for the worker's log. */
  onJob?: (event: { path: string; outcome: 'done' | 'failed' | 'retry'; code?: string; ms: number }) => void;
  /** Told when Redis cannot be reached (each outage once) and when it can again. */
  onConnection?: (state: 'lost' | 'back', detail: string) => void;
  /** Told of BullMQ's other errors (a lock lost to a stalled-job check, …). */
  onError?: (err: Error) => void;
}

export const DEFAULT_LOCK_MS = 120_000;

export interface RunningWorker {
  /** This worker's name in `renda queue status`: host:pid. */
  name: string;
  /** Finish the jobs in hand, then stop. */
  close(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const name = `${hostname().replace(/\s+/g, '-')}:${process.pid}`; // a name with a space is not listed by BullMQ
  const build = rendaBuild();
  const redis = connect(options.address);
  const ocr = createOcrService(options.ocr);

  const processFile = async (job: Job<FileJob, SourceResult>): Promise<SourceResult> => {
    const started = performance.now();
    const { path, sha256, ocrMode, limits } = job.data;
    const report = (outcome: 'done' | 'failed' | 'retry', code?: string) => options.onJob?.({ path, outcome, code, ms: Math.round(performance.now() - started) });
    if (job.data.build !== build) {
      report('failed', 'queue_failed');
      // Another build could give another result: the submitter must not store it as this one's.
      throw new UnrecoverableError(encodeFailure(new FileError('queue_failed', `worker ${name} runs renda ${build}, the file was submitted by renda ${job.data.build}: run the same build on every host`)));
    }
    const bytes = await redis.getBuffer(bytesKey(job.id!));
    if (!bytes) {
      report('retry', 'bytes_missing');
      // Not the file's fault, and not this worker's: the bytes expired or Redis lost them. After
      // its attempts the job is queue_failed, and the next submission sends it again.
      throw new Error(`the bytes of ${path} are not in Redis (expired, or lost in a Redis restart)`);
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
    lockDuration: options.lockDuration ?? DEFAULT_LOCK_MS,
    stalledInterval: Math.max(1000, Math.round((options.lockDuration ?? DEFAULT_LOCK_MS) / 2)),
    maxStalledCount: 2,
    autorun: false,
  });
  // Outages are told from the connection's own events, once each; any other error is told as itself.
  let lost = false;
  redis.on('close', () => {
    if (lost) return;
    lost = true;
    options.onConnection?.('lost', `connection to ${options.address.shown} closed`);
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    options.onConnection?.('back', options.address.shown);
  });
  redis.on('error', () => undefined); // reported through 'close' above
  // Without a listener an EventEmitter's 'error' is thrown: a Redis restart would kill the worker.
  worker.on('error', (err) => {
    if (!lost && !/ECONNREFUSED|ECONNRESET|Connection is closed|ETIMEDOUT/.test(err.message)) options.onError?.(err);
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
