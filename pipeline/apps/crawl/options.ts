/**
 * What a crawl run is asked, and what it tells its caller as it goes. Apart from crawler.ts so that
 * the parts of a run (source-run.ts, ingest-saved.ts) can read the options without importing the
 * run that creates them.
 */
import type { OcrOptions } from '../../extract/ocr-service.js';
import type { CrawlConfig } from './sources.js';
import type { CrawlWarning } from './summary.js';

export interface CrawlOptions {
  config: CrawlConfig;
  /** Output folder: raw/, json/ and renda.sqlite (rows and crawl state) go here. */
  out: string;
  /** Ingest new and changed documents after fetching. @default true */
  ingest?: boolean;
  ocr?: OcrOptions;
  /**
   * A Redis URL: the ingest step sends the saved documents to `renda worker` processes through it
   * (pipeline/run/queue/), as `renda ingest --queue` does. @default ingest in this process
   */
  queue?: string;
  /** Stops the run; what was in flight stays pending for the next run. */
  signal?: AbortSignal;
  /** One line per notable event (a failure, a new document), for the command line. */
  onEvent?: (event: CrawlEvent) => void;
  now?: () => Date;
}

export type CrawlEvent =
  | { type: 'saved'; sourceId: string; url: string; path: string; change: 'new' | 'changed' }
  | { type: 'failed'; sourceId: string; url: string; code: string; message: string }
  | { type: 'robots'; sourceId: string; url: string }
  | ({ type: 'warning'; sourceId: string } & CrawlWarning);
