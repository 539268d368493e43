import type { IngestSummary } from '../../run/ingest.js';

/** What one source's run did; documents are counted in new/changed/unchanged, list pages apart. */
export interface SourceSummary {
  id: string;
  /** List pages read (fetched, or answered 304 and read from the saved copy). */
  listPages: number;
  /** Documents saved for the first time. */
  new: number;
  /** Documents whose bytes differ from the saved copy. */
  changed: number;
  /** Documents not requested (fetched within recheckDays), answered 304, or with the same bytes. */
  unchanged: number;
  /** Of those, not requested at all this run. */
  notRequested: number;
  /** Requests (lists and documents) answered 304 Not Modified. */
  notModified: number;
  /** Documents whose bytes another URL already holds. */
  duplicates: number;
  failed: number;
  /** URLs that failed for good in an earlier run (a 404, an error page), not asked again before recheckDays. */
  notRetried: number;
  /** URLs robots.txt disallows: never requested. */
  robots: number;
  /** Links to hosts outside the allowed set: never requested. */
  offsite: number;
  /** URLs over maxUrlsPerSource, left pending for the next run. */
  deferred: number;
  /** Links past maxLinksPerPage on their page: not recorded, not requested. */
  linksDropped: number;
  /** List pages one link deeper than maxListDepth: not recorded, not requested. */
  tooDeep: number;
  /** Extra attempts after a retryable failure. */
  retries: number;
  /** Response bytes received. */
  bytes: number;
  /** Saved documents ingested this run, and those whose ingest failed. */
  ingested: number;
  ingestFailed: number;
  /** No start URL could be read: the source yielded nothing this run. */
  failedEntirely: boolean;
  errors: Array<{ url: string; role: string; code: string; status: number | null; attempts: number; message: string }>;
  /** Pages where a limit on discovery held (too_many_links, too_deep): what was left, and the option that raises it. */
  warnings: CrawlWarning[];
}

export interface CrawlWarning {
  /** The page whose links were cut short. */
  url: string;
  code: 'too_many_links' | 'too_deep';
  message: string;
}

export interface CrawlSummary {
  sources: SourceSummary[];
  /** The ingest of saved documents, or null when there was nothing new to ingest. */
  ingest: IngestSummary | null;
  /** The run was stopped (signal); what was in flight stays pending. */
  aborted: boolean;
  /** Requests sent, robots.txt and redirect hops included. */
  requests: number;
  seconds: number;
}

export function emptySourceSummary(id: string): SourceSummary {
  return {
    id, listPages: 0, new: 0, changed: 0, unchanged: 0, notRequested: 0, notModified: 0, duplicates: 0, failed: 0, notRetried: 0, robots: 0,
    offsite: 0, deferred: 0, linksDropped: 0, tooDeep: 0, retries: 0, bytes: 0, ingested: 0, ingestFailed: 0, failedEntirely: false, errors: [], warnings: [],
  };
}

/** The counts of the summary line, per source and in total. */
const LINE_COUNTS = ['listPages', 'new', 'changed', 'unchanged', 'duplicates', 'failed', 'notRetried', 'robots', 'deferred', 'linksDropped', 'tooDeep'] as const;
type Counts = Pick<SourceSummary, (typeof LINE_COUNTS)[number]>;

/** One line per source and a total, for the terminal and the README. */
export function formatSummary(s: CrawlSummary): string {
  const line = (label: string, x: Counts) =>
    `${label}: ${x.listPages} list pages, ${x.new} new, ${x.changed} changed, ${x.unchanged} unchanged, ` +
    `${x.duplicates} duplicates, ${x.failed} failed, ${x.robots} skipped by robots` +
    (x.notRetried ? ` (${x.notRetried} failed for good earlier, not asked again yet)` : '');
  const lines = s.sources.map((x) => line(`source ${x.id}`, x) + (x.failedEntirely ? ' (FAILED: no start page could be read)' : ''));
  const total = Object.fromEntries(LINE_COUNTS.map((k) => [k, s.sources.reduce((n, x) => n + x[k], 0)])) as Counts;
  lines.push(
    line('renda crawl', total) +
      `; ${s.requests} requests, ${s.seconds} s` +
      (total.deferred ? `; ${total.deferred} URLs over maxUrlsPerSource left for the next run` : '') +
      (total.linksDropped ? `; ${total.linksDropped} links over maxLinksPerPage dropped` : '') +
      (total.tooDeep ? `; ${total.tooDeep} list pages beyond maxListDepth not followed` : '') +
      (s.aborted ? ' (stopped: the next run resumes)' : ''),
  );
  if (s.ingest) {
    const i = s.ingest;
    lines.push(`renda ingest: ${i.files} files, ${i.documents} documents, ${i.items} items, ${i.failures.length} failures`);
  }
  return lines.join('\n');
}
