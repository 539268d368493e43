import { stat } from 'node:fs/promises';
import { crawl } from '../crawl/crawler.js';
import { loadSources } from '../crawl/sources.js';
import { formatSummary } from '../crawl/summary.js';
import { UsageError } from '../../../schemas/errors.js';
import { DEFAULT_OCR_ENGINE } from '../../extract/ocr-service.js';
import { parseQueueUrl, probe } from '../../run/queue/connection.js';
import type { Command } from './command.js';
import { parse } from './command.js';
import { parseOcr } from './ingest-command.js';

const HELP = `Usage: renda crawl --sources <file.json> [--out <dir>] [options]

Fetches each source's list pages (following pagination and links matching "follow"), saves the
document pages and attachments matching "documents" under <out>/raw/<host>/…, and ingests what is
new or changed into <out>/renda.sqlite and <out>/json/, like 'renda ingest'. The crawl state (every
URL, its validators, hash, status and errors) lives in the same database, so a second run requests
only what may have changed, retries what failed, and a stopped run resumes.

Polite: robots.txt is obeyed (a server error on robots.txt means the host is not crawled this run),
one request at a time per host with a pause (delayMs, or a longer Crawl-delay), an identifiable
User-Agent, retries with exponential backoff on 5xx, 429 and timeouts only. Never requests a host
outside a source's start hosts and allowedHosts, not even through a redirect.

Bounded: at most maxUrlsPerSource requests per source and run, maxLinksPerPage links taken from a page,
and list pages followed at most maxListDepth links from a start page, so an endless "next page"
costs the same each run; a page that hits a limit gives a warning naming it.

Options:
  --sources, -s <file>     the sources file (JSON; see the README for its fields)
  --out, -o <dir>          output folder (default: out/)
  --no-ingest              fetch and save only; the next run without it ingests what was saved
  --ocr <mode>             as for 'renda ingest' (auto | always | never; default auto)
  --ocr-engine <name>      as for 'renda ingest'
  --queue <redis-url>      ingest through this Redis (redis://host:6379/0) on 'renda worker'
                           processes, as 'renda ingest --queue' does: this process fetches, sends
                           the saved files and stores the results. Workers' --ocr-engine decides
                           the engine; --ocr (the mode) travels with each file
  --quiet, -q              only the summary
  --json                   print the summary as JSON

Exit codes: 0 every source could be read (single URLs may have failed: they are listed and retried
next run); 1 a source failed entirely (none of its start pages could be read); 2 bad usage or an
invalid sources file (nothing was requested); 3 the queue's Redis could not be reached (what was saved
stays, and the next run ingests it); 130 stopped by Ctrl-C or SIGTERM (the next run resumes).`;

export const crawlCommand: Command = {
  name: 'crawl',
  summary: 'fetch new plans from official sites and ingest them',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse('crawl', argv, {
      sources: { type: 'string', short: 's' },
      out: { type: 'string', short: 'o', default: 'out/' },
      'no-ingest': { type: 'boolean', default: false },
      ocr: { type: 'string', default: 'auto' },
      'ocr-engine': { type: 'string', default: DEFAULT_OCR_ENGINE },
      quiet: { type: 'boolean', short: 'q', default: false },
      json: { type: 'boolean', default: false },
      queue: { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`crawl: unexpected argument '${positionals[0]}' (the sources file is --sources <file>)`);
    if (!values.sources) throw new UsageError('crawl: --sources <file.json> is required');
    const out = values.out as string;
    const outStat = await stat(out).catch(() => null);
    if (outStat && !outStat.isDirectory()) throw new UsageError(`--out: ${out} exists and is not a folder`);
    // Everything is checked before the first request.
    const config = await loadSources(values.sources as string);
    const ocr = parseOcr(values.ocr as string, values['ocr-engine'] as string, undefined);
    const queue = values.queue === undefined ? undefined : parseQueueUrl(values.queue as string).url;
    if (queue && values['no-ingest']) throw new UsageError('--queue: nothing is ingested with --no-ingest, so there is nothing to queue');
    // A Redis that is not there stops the crawl before its first request (exit 3), not after it.
    if (queue) await probe(parseQueueUrl(queue));

    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let summary;
    try {
      summary = await crawl({
        config,
        out,
        ocr,
        ingest: !values['no-ingest'],
        queue,
        signal: controller.signal,
        onEvent: values.quiet
          ? undefined
          : (e) => {
              if (e.type === 'failed') process.stderr.write(`error ${e.code} ${e.url}: ${e.message}\n`);
              else if (e.type === 'robots') process.stderr.write(`robots ${e.url}: disallowed by robots.txt\n`);
              else if (e.type === 'warning') process.stderr.write(`warning ${e.code} ${e.url}: ${e.message}\n`);
              else process.stderr.write(`${e.change} ${e.url} → ${e.path}\n`);
            },
      });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    if (!values.quiet && summary.ingest) {
      for (const f of summary.ingest.failures) process.stderr.write(`error ${f.code} ${f.path}: ${f.message}\n`);
    }
    process.stdout.write(values.json ? JSON.stringify(summary, null, 2) + '\n' : formatSummary(summary) + '\n');
    if (summary.aborted) return 130;
    return summary.sources.some((s) => s.failedEntirely) ? 1 : 0;
  },
};
