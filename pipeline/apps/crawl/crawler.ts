/**
 * One crawl run: for each source, read its list pages (start URLs, pages matching `follow`, and
 * pagination), save the documents and attachments they link to (matching `documents`) under
 * `<out>/raw/<host>/…`, then ingest what is new or changed with the same pipeline and database as
 * `renda ingest`.
 *
 * Incremental by design: a document fetched less than `recheckDays` ago is not requested at all;
 * an older one is asked for with its ETag / Last-Modified (a 304 costs no body), and bytes whose
 * hash did not change are not saved or ingested again. List pages are always re-requested
 * (conditionally), since that is where new plans appear. What earlier runs left pending is taken up
 * with the start pages, what failed after everything new; saved documents that never reached the
 * database (a run killed before ingesting) are ingested now.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RunClaims } from './claims.js';
import { Hosts } from './hosts.js';
import { ingestSaved } from './ingest-saved.js';
import { acquireCrawlLock } from './lock.js';
import type { CrawlOptions } from './options.js';
import { SourceRun } from './source-run.js';
import { CrawlState } from './state.js';
import type { CrawlSummary } from './summary.js';

export async function crawl(options: CrawlOptions): Promise<CrawlSummary> {
  const started = performance.now();
  const now = () => (options.now?.() ?? new Date()).toISOString();
  await mkdir(options.out, { recursive: true });
  const lock = await acquireCrawlLock(options.out);
  const state = await CrawlState.open(join(options.out, 'renda.sqlite')).catch(async (err: unknown) => {
    await lock.release();
    throw err;
  });
  const hosts = new Hosts(options.config, options.signal);
  const claims = new RunClaims(state, join(options.out, 'raw'));
  const summary: CrawlSummary = { sources: [], ingest: null, aborted: false, requests: 0, seconds: 0 };
  try {
    const runId = await state.startRun(now());
    // Sources run side by side; politeness is per host, shared through `hosts`.
    summary.sources = await Promise.all(options.config.sources.map((s) => new SourceRun(s, options, state, hosts, claims, now).run()));
    if (!options.signal?.aborted && options.ingest !== false) summary.ingest = await ingestSaved(options, state, summary.sources);
    summary.aborted = options.signal?.aborted ?? false;
    summary.requests = hosts.requests;
    summary.seconds = Math.round((performance.now() - started) / 10) / 100;
    if (!summary.aborted) await state.finishRun(runId, now(), summary);
    return summary;
  } finally {
    hosts.close();
    await state.close();
    await lock.release();
  }
}
