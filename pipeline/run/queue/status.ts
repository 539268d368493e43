import { Queue } from 'bullmq';
import type { SourceResult } from '../../../schemas/index.js';
import { connect, probe, QUEUE_NAME, type QueueAddress } from './connection.js';
import { decodeFailure, type FileJob } from './job.js';

/** What `renda queue status` shows: the queue's counts, and per worker host its workers and work. */
export interface QueueStatus {
  queue: string;
  counts: { waiting: number; active: number; delayed: number; done: number; failed: number };
  hosts: Array<{ host: string; workers: number; active: number; done: number; failed: number }>;
}

export interface QueuedFailure {
  path: string;
  code: string;
  message: string;
  attempts: number;
  worker: string | null;
  at: string | null;
}

/** Jobs ended per worker host: kept by the workers in one hash each, so status never scans jobs. */
export const DONE_BY_HOST = 'renda:stats:done';
export const FAILED_BY_HOST = 'renda:stats:failed';

export const hostOf = (workerName: string | undefined | null): string => (workerName ?? '').replace(/:\d+$/, '') || 'unknown';

export async function queueStatus(address: QueueAddress): Promise<QueueStatus> {
  await probe(address);
  const queue = new Queue<FileJob, SourceResult>(QUEUE_NAME, { connection: address.options });
  const redis = connect(address);
  try {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children');
    const [workers, active, done, failed] = await Promise.all([
      queue.getWorkers(),
      queue.getActive(),
      redis.hgetall(DONE_BY_HOST),
      redis.hgetall(FAILED_BY_HOST),
    ]);
    const hosts = new Map<string, QueueStatus['hosts'][number]>();
    const host = (h: string) => {
      if (!hosts.has(h)) hosts.set(h, { host: h, workers: 0, active: 0, done: 0, failed: 0 });
      return hosts.get(h)!;
    };
    // A worker's connection is named '<prefix>:<queue>:w:<worker name>' (host:pid here).
    for (const w of workers) host(hostOf(String(w.rawname ?? '').split(':w:')[1])).workers++;
    for (const j of active) host(hostOf(j.processedBy)).active++;
    for (const [h, n] of Object.entries(done)) host(h).done += Number(n);
    for (const [h, n] of Object.entries(failed)) host(h).failed += Number(n);
    return {
      queue: address.shown,
      counts: { waiting: c.waiting + c.prioritized + c['waiting-children'], active: c.active, delayed: c.delayed, done: c.completed, failed: c.failed },
      hosts: [...hosts.values()].sort((a, b) => (a.host < b.host ? -1 : 1)),
    };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

export async function queueFailures(address: QueueAddress, limit = 1000): Promise<QueuedFailure[]> {
  await probe(address);
  const queue = new Queue<FileJob, SourceResult>(QUEUE_NAME, { connection: address.options });
  try {
    const jobs = await queue.getFailed(0, limit - 1);
    return jobs.map((j) => {
      const f = decodeFailure(j.failedReason);
      return {
        path: j.data.path,
        code: f.code,
        message: f.message,
        attempts: j.attemptsMade,
        worker: j.processedBy ?? null,
        at: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
      };
    });
  } finally {
    await queue.close();
  }
}
