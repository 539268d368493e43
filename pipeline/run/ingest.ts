import { runLocal } from './local.js';
import { runQueued, type QueuedOptions } from './queue/submit.js';
import type { IngestOptions, IngestSummary } from './batch.js';

export { DEFAULT_CONCURRENCY, STAGES, type Failure, type IngestOptions, type IngestSummary, type StageName } from './batch.js';

/**
 * A batch: in this process by default, or, with `queue`, through Redis to `renda worker`
 * processes on any host. Both call the same stage functions and fill the same summary.
 */
export async function ingest(options: IngestOptions & Partial<Pick<QueuedOptions, 'maxQueueFile' | 'window' | 'outageMs'>>): Promise<IngestSummary> {
  return options.queue ? runQueued({ ...options, queue: options.queue }) : runLocal(options);
}
