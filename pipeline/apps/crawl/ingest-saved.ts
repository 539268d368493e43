import { ingest, DEFAULT_CONCURRENCY, type IngestSummary } from '../../run/ingest.js';
import type { CrawlOptions } from './options.js';
import { exists } from './saved-copy.js';
import type { CrawlState } from './state.js';
import type { SourceSummary } from './summary.js';

/**
 * Ingest every saved document whose bytes the database does not hold yet, this run's and any an
 * interrupted run left behind, then record per URL which bytes were handed to ingest and how that
 * went (a file that fails to parse is not retried until its bytes change).
 */
export async function ingestSaved(options: CrawlOptions, state: CrawlState, sources: SourceSummary[]): Promise<IngestSummary | null> {
  const pending = (await Promise.all(options.config.sources.map((s) => state.uningested(s.id)))).flat();
  const present = [];
  for (const p of pending) if (await exists(p.path!)) present.push(p);
  if (!present.length) return null;
  const summary = await ingest({
    inputs: present.map((p) => p.path!),
    out: options.out,
    concurrency: DEFAULT_CONCURRENCY,
    ocr: options.ocr,
    queue: options.queue,
    // A stop during ingest ends the batch between files; what was not read is ingested next run.
    signal: options.signal,
    handleSignals: false,
  });
  const failures = new Map(summary.failures.map((f) => [f.path, f]));
  const stopped = new Set(summary.stopped);
  const bySource = new Map(sources.map((s) => [s.id, s]));
  for (const p of present) {
    if (stopped.has(p.path!)) continue;
    const f = failures.get(p.path!);
    await state.update(p.url, { ingested_sha256: p.sha256, ingest_error: f ? `${f.code}: ${f.message}` : null });
    const s = bySource.get(p.source_id)!;
    if (f) s.ingestFailed++;
    else s.ingested++;
  }
  return summary;
}
