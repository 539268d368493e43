import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import PQueue from 'p-queue';
import { DEFAULT_LIMITS } from '../../../extractors/limits.js';
import type { SourceResult } from '../../../schemas/index.js';
import { FileError, StopError } from '../../../schemas/errors.js';
import { discover } from '../discover.js';
import { readSource } from '../../extract/read-source.js';
import { commitResult, publishJson } from '../../store/publish.js';
import { prepareOutDir } from '../../store/write-json.js';
import { Store } from '../../store/store.js';
import { Tally, type IngestOptions, type IngestSummary } from '../batch.js';
import { connect, parseQueueUrl, probe, QUEUE_NAME, withDeadline } from './connection.js';
import { bytesKey, decodeFailure, DEFAULT_MAX_QUEUE_FILE, jobIdFor, KEEP_SECONDS, rendaBuild, type FileJob } from './job.js';
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

export const DEFAULT_OUTAGE_MS = 60_000;

export async function runQueued(options: QueuedOptions): Promise<IngestSummary> {
  const started = performance.now();
  const address = parseQueueUrl(options.queue);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const maxQueueFile = options.maxQueueFile ?? DEFAULT_MAX_QUEUE_FILE;
  const ocrMode = options.ocr?.mode ?? 'auto';
  const build = rendaBuild();
  const { files, skipped } = await discover(options.inputs);
  await prepareOutDir(options.out);

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
  const waiter = await JobWaiter.start(queue, address, options.outageMs ?? DEFAULT_OUTAGE_MS, redis);

  const store = await Store.open(join(options.out, 'renda.sqlite'));
  const storeQueue = new PQueue({ concurrency: 1 });
  const tally = new Tally(files.length, skipped, started);
  /** Paths in flight per job: the bytes stay in Redis until the last of them is stored. */
  const inFlight = new Map<string, number>();
  let done = 0;

  const processFile = async (path: string) => {
    if (options.signal?.aborted || waiter.stopError) {
      tally.summary.stopped.push(path);
      return;
    }
    let jobId: string | null = null;
    try {
      // The size from the file system first: a file the queue will not carry is never read.
      const size = (await stat(path).catch(() => null))?.size ?? 0;
      if (size > maxQueueFile) {
        throw new FileError('too_large_for_queue', `${size} bytes is more than the queue carries for one file (--max-queue-file ${maxQueueFile} bytes); ingest it without --queue`);
      }
      const file = await readSource(path, limits);
      const data: FileJob = { path, sha256: file.sha256, size: file.bytes.length, ocrMode, limits, build };
      const id = jobIdFor(file.sha256, data);
      jobId = id;
      inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
      const submit = async () => {
        let existing = await queue.getJob(id);
        const state = existing ? await existing.getState() : 'unknown';
        if (state === 'completed') return; // done before: not redone
        if (state === 'failed') {
          // A file's own failure stands; one of the queue's (stalled too often, a worker's trouble
          // past its attempts) is tried again by the next submission.
          if (decodeFailure(existing!.failedReason).code !== 'queue_failed') return;
          await existing!.remove();
          existing = undefined;
        }
        await redis.set(bytesKey(id), Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength), 'EX', KEEP_SECONDS);
        if (!existing) await queue.add('file', data, { jobId: id });
      };
      // The job may have been submitted under another path with the same content: the result is
      // this path's, as the local run would give it.
      const done = await waiter.run(id, submit);
      const result = { ...done, source: { ...done.source, path } };
      await publishJson(options.out, await storeQueue.add(() => commitResult(store, result)));
      tally.stored(result.documents);
      tally.summary.ocrPages += result.source.ocr?.pages.length ?? 0;
    } catch (err) {
      if (err instanceof StopError) tally.summary.stopped.push(path);
      else tally.failed(path, err);
    } finally {
      if (jobId) {
        const left = (inFlight.get(jobId) ?? 1) - 1;
        if (left > 0) inFlight.set(jobId, left);
        else {
          inFlight.delete(jobId);
          // Left in place when the batch stops: they expire, or the next run uses them.
          if (!waiter.stopError) await waiter.guard(redis.del(bytesKey(jobId))).catch(() => undefined);
        }
      }
      options.onFile?.(++done, files.length, path);
    }
  };

  const admission = new PQueue({ concurrency: options.window ?? 32 });
  try {
    await Promise.all(files.map((f) => admission.add(() => processFile(f))));
  } finally {
    // Done with Redis before the similar-items table, so an outage then cannot fail a stored batch.
    // After a stop, Redis is away: a close waits on commands queued for it, so each is given a
    // moment and then left (the command exits 3 with its connections as they are).
    const ms = waiter.stopError ? 1000 : 30_000;
    const gone = () => undefined; // a connection that does not close in time is left as it is
    await withDeadline(waiter.close(), ms, 'close').catch(gone);
    await withDeadline(waiter.stopError ? queue.disconnect() : queue.close(), ms, 'close').catch(gone);
    redis.disconnect();
  }
  try {
    await tally.rebuildSimilar(store, options, waiter.stopError !== null);
  } finally {
    await store.close();
  }
  const summary = await tally.finish(options.out);
  if (waiter.stopError) throw Object.assign(waiter.stopError, { summary });
  return summary;
}
