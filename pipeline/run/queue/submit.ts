import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import PQueue from 'p-queue';
import { DEFAULT_LIMITS } from '../../../extractors/limits.js';
import { SCHEMA_VERSION, type SourceResult } from '../../../schemas/index.js';
import { FileError, StopError } from '../../../schemas/errors.js';
import { discover } from '../../extract/discover.js';
import { readSource } from '../../extract/read-source.js';
import { publishResult } from '../../store/publish.js';
import { buildSimilar } from '../../store/similar/build.js';
import { Store } from '../../store/store.js';
import { Tally, type IngestOptions, type IngestSummary } from '../batch.js';
import { connect, parseQueueUrl, probe, QUEUE_NAME } from './connection.js';
import { bytesKey, decodeFailure, DEFAULT_MAX_QUEUE_FILE, jobIdFor, rendaVersion, type FileJob } from './job.js';
import { JobWaiter } from './waiter.js';

/**
 * The queued runner, submitting side: reads each file here, hands its bytes and a job to Redis,
 * waits for a worker's SourceResult and stores it exactly as the local run does (one SQLite
 * writer, the JSON published by rename, failures.json, the same summary). Killed and run again,
 * it finds finished jobs finished and waits only for the rest.
 */
export interface QueuedOptions extends IngestOptions {
  queue: string;
  /** Largest file sent through Redis. @default 64 MiB */
  maxQueueFile?: number;
  /** Files submitted and not yet stored, at most. @default 32 */
  window?: number;
  /** How long Redis may be out of reach before the batch stops (exit 3). @default 60 000 ms */
  outageMs?: number;
}

/** Completed jobs keep their result this long: a batch submitted again within it is not redone. */
const KEEP_SECONDS = 24 * 3600;

export async function runQueued(options: QueuedOptions): Promise<IngestSummary> {
  const started = performance.now();
  const address = parseQueueUrl(options.queue);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const maxQueueFile = options.maxQueueFile ?? DEFAULT_MAX_QUEUE_FILE;
  const ocrMode = options.ocr?.mode ?? 'auto';
  const version = `${rendaVersion()}/${SCHEMA_VERSION}`;
  const { files, skipped } = await discover(options.inputs);
  await mkdir(join(options.out, 'json'), { recursive: true });

  await probe(address);
  const redis = connect(address);
  const queue = new Queue<FileJob, SourceResult>(QUEUE_NAME, {
    connection: address.options,
    // Each 'completed' event carries the job's result, a second copy beside the job's own: the
    // stream is kept short, as the waiter's sweep answers for any event it no longer holds.
    streams: { events: { maxLen: 1000 } },
    defaultJobOptions: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: KEEP_SECONDS },
      removeOnFail: { age: KEEP_SECONDS },
    },
  });
  const waiter = await JobWaiter.start(queue, address, options.outageMs ?? 60_000, redis);

  const store = await Store.open(join(options.out, 'renda.sqlite'));
  const storeQueue = new PQueue({ concurrency: 1 });
  const tally = new Tally(files.length, skipped, started);
  /** Paths in flight per content: the bytes stay in Redis until the last of them is stored. */
  const inFlight = new Map<string, number>();
  let done = 0;

  const processFile = async (path: string) => {
    if (options.signal?.aborted || waiter.stopError) {
      tally.summary.stopped.push(path);
      return;
    }
    let sha256: string | null = null;
    try {
      const file = await readSource(path, limits);
      if (file.bytes.length > maxQueueFile) {
        throw new FileError('too_large_for_queue', `${file.bytes.length} bytes is more than the queue carries for one file (--max-queue-file ${maxQueueFile} bytes); ingest it without --queue`);
      }
      sha256 = file.sha256;
      inFlight.set(sha256, (inFlight.get(sha256) ?? 0) + 1);
      const data: FileJob = { path, sha256, size: file.bytes.length, ocrMode, limits };
      const jobId = jobIdFor(sha256, data, version);
      const submit = async () => {
        let existing = await queue.getJob(jobId);
        const state = existing ? await existing.getState() : 'unknown';
        if (state === 'completed') return; // done before: not redone
        if (state === 'failed') {
          // A file's own failure stands; one of the queue's (stalled too often, a worker's trouble
          // past its attempts) is tried again by the next submission.
          if (decodeFailure(existing!.failedReason).code !== 'queue_failed') return;
          await existing!.remove();
          existing = undefined;
        }
        await redis.set(bytesKey(file.sha256), Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
        if (!existing) await queue.add('file', data, { jobId });
      };
      // The job may have been submitted under another path with the same content: the result is
      // this path's, as the local run would give it.
      const done = await waiter.run(jobId, submit);
      const result = { ...done, source: { ...done.source, path } };
      await storeQueue.add(() => publishResult(store, options.out, result));
      tally.stored(result.documents);
      tally.summary.ocrPages += result.source.ocr?.pages.length ?? 0;
    } catch (err) {
      if (err instanceof StopError) tally.summary.stopped.push(path);
      else tally.failed(path, err);
    } finally {
      if (sha256) {
        const left = (inFlight.get(sha256) ?? 1) - 1;
        if (left > 0) inFlight.set(sha256, left);
        else {
          inFlight.delete(sha256);
          if (!waiter.stopError) await waiter.guard(redis.del(bytesKey(sha256))).catch(() => undefined);
        }
      }
      options.onFile?.(++done, files.length, path);
    }
  };

  const admission = new PQueue({ concurrency: options.window ?? 32 });
  try {
    await Promise.all(files.map((f) => admission.add(() => processFile(f))));
    if (tally.summary.succeeded > 0 && options.similar !== false && !options.signal?.aborted && !waiter.stopError) {
      tally.summary.similar = await buildSimilar(store).catch((err: unknown) => ({ error: (err as Error).message }));
    }
  } finally {
    await waiter.close();
    await queue.close().catch(() => undefined);
    redis.disconnect();
    await store.close();
  }
  const summary = await tally.finish(options.out);
  if (waiter.stopError) throw Object.assign(waiter.stopError, { summary });
  return summary;
}

