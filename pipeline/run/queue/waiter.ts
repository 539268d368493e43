import { QueueEvents, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SourceResult } from '../../../schemas/index.js';
import { StopError } from '../../../schemas/errors.js';
import { QUEUE_NAME, withDeadline, type QueueAddress } from './connection.js';
import { decodeFailure, type FileJob } from './job.js';

/** A job someone waits for: its end (shared by every path with the job's content), and how to submit it again. */
interface Pending {
  done: Promise<SourceResult>;
  resolve: (r: SourceResult) => void;
  reject: (e: unknown) => void;
  resubmit: () => Promise<void>;
  settling: boolean;
  again?: boolean;
}

/**
 * Waits for many jobs' ends at once. Events ('completed', 'failed') answer quickly; a sweep every
 * second answers what events cannot: a job that ended before anyone listened (the submitter
 * was killed and run again), an event lost while Redis restarted, and a job Redis no longer has
 * (restarted without persistence), which is submitted again with its bytes. If Redis stays out
 * of reach longer than `outageMs`, every wait ends with a StopError.
 */
export class JobWaiter {
  private readonly pending = new Map<string, Pending>();
  private readonly sweepTimer: NodeJS.Timeout;
  private outageTimer: NodeJS.Timeout | null = null;
  private stopped: StopError | null = null;
  private sweeping = false;

  private constructor(
    private readonly queue: Queue<FileJob, SourceResult>,
    private readonly events: QueueEvents,
    private readonly address: QueueAddress,
    private readonly outageMs: number,
    private readonly redis: Redis,
  ) {
    events.on('completed', ({ jobId }) => void this.settle(jobId));
    events.on('failed', ({ jobId }) => void this.settle(jobId));
    this.sweepTimer = setInterval(() => void this.sweep(), 1000);
  }

  /** `redis`: a plain connection of the submitter's, for the reachability ping. */
  static async start(queue: Queue<FileJob, SourceResult>, address: QueueAddress, outageMs: number, redis: Redis): Promise<JobWaiter> {
    const events = new QueueEvents(QUEUE_NAME, { connection: address.options });
    const waiter = new JobWaiter(queue, events, address, outageMs, redis);
    events.on('error', (err) => waiter.lost(err));
    queue.on('error', (err) => waiter.lost(err));
    redis.on('error', (err) => waiter.lost(err));
    await events.waitUntilReady();
    return waiter;
  }

  /** Called by anything that talks to Redis when it cannot; `back` when it can again. */
  lost(err: Error): void {
    if (this.outageTimer || this.stopped) return;
    this.outageTimer = setTimeout(() => {
      this.stop(new StopError('queue_unreachable', `Redis at ${this.address.shown} has been out of reach for ${Math.round(this.outageMs / 1000)} s (${err.message}); what was stored stays, and the same command again resumes the batch`));
    }, this.outageMs);
  }

  back(): void {
    if (this.outageTimer) clearTimeout(this.outageTimer);
    this.outageTimer = null;
  }

  /** A promise that rejects when the batch must stop, to race any Redis call against. */
  guard<T>(work: Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise<T>((resolve, reject) => {
      const onStop = (e: StopError) => reject(e);
      this.stopListeners.add(onStop);
      work.then(resolve, reject).finally(() => this.stopListeners.delete(onStop));
    });
  }
  private readonly stopListeners = new Set<(e: StopError) => void>();

  /** Submit (via `submit`, which the waiter calls again if Redis loses the job) and wait for the end. */
  async run(jobId: string, submit: () => Promise<void>): Promise<SourceResult> {
    // Two paths with the same content in one batch are one job: the second waits for the first's end.
    const waiting = this.pending.get(jobId);
    if (waiting) return this.guard(waiting.done);
    const p = { resubmit: submit, settling: false } as Pending;
    p.done = new Promise<SourceResult>((resolve, reject) => Object.assign(p, { resolve, reject }));
    this.pending.set(jobId, p);
    try {
      await this.guard(submit());
    } catch (err) {
      // Not submitted: nothing to wait for (and no sweep may submit it behind the caller's back).
      this.pending.delete(jobId);
      p.reject(err);
    }
    void this.settle(jobId);
    return this.guard(p.done);
  }

  private async settle(jobId: string): Promise<void> {
    const p = this.pending.get(jobId);
    if (!p || this.stopped) return;
    if (p.settling) {
      // An event while a look is under way: look again when it ends, not a second later.
      p.again = true;
      return;
    }
    p.settling = true;
    p.again = false;
    try {
      // The state first, then the job: a job read first could finish in between, its snapshot
      // still without the result. 'completed' and 'failed' hold until the job is removed.
      const state = await this.queue.getJobState(jobId);
      if (state === 'unknown') {
        await p.resubmit();
        return;
      }
      if (state !== 'completed' && state !== 'failed') return;
      const job = await this.queue.getJob(jobId);
      if (!job) {
        await p.resubmit();
        return;
      }
      this.pending.delete(jobId);
      if (state === 'completed') p.resolve(job.returnvalue);
      else p.reject(decodeFailure(job.failedReason));
    } catch (err) {
      this.lost(err as Error);
    } finally {
      p.settling = false;
      if (p.again && this.pending.has(jobId)) void this.settle(jobId);
    }
  }

  private async sweep(): Promise<void> {
    if (this.sweeping || this.stopped) return;
    this.sweeping = true;
    try {
      // Commands wait (not fail) while Redis is away, so reachability is a ping with a deadline.
      await withDeadline(this.redis.ping(), 2000, `no answer from Redis at ${this.address.shown}`);
      this.back();
      for (const id of [...this.pending.keys()]) await this.settle(id);
    } catch (err) {
      this.lost(err as Error);
    } finally {
      this.sweeping = false;
    }
  }

  private stop(err: StopError): void {
    this.stopped = err;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(err);
    }
    for (const l of this.stopListeners) l(err);
  }

  get stopError(): StopError | null {
    return this.stopped;
  }

  async close(): Promise<void> {
    clearInterval(this.sweepTimer);
    if (this.outageTimer) clearTimeout(this.outageTimer);
    // A polite close waits for commands queued while Redis was away; after a stop, cut the line.
    await (this.stopped ? this.events.disconnect() : this.events.close()).catch(() => undefined);
  }
}
