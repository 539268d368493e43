import { runLocal } from './local.js';
import type { QueuedOptions } from './queue/submit.js';
import type { IngestOptions, IngestSummary } from './batch.js';

export { DEFAULT_CONCURRENCY, STAGES, type Failure, type IngestOptions, type IngestSummary, type StageName } from './batch.js';

/**
 * A batch: in this process by default, or, with `queue`, through Redis to `renda worker`
 * processes on any host. Both call the same stage functions and fill the same summary.
 */
export async function ingest(options: IngestOptions & Partial<Pick<QueuedOptions, 'maxQueueFile' | 'window' | 'outageMs'>>): Promise<IngestSummary> {
  if (!options.queue) return runLocal(options);
  // Loaded only for a queued run: a local one never loads BullMQ.
  const { runQueued } = await import('./queue/submit.js');
  return runQueued({ ...options, queue: options.queue });
}
