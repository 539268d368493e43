/**
 * The sources file of `renda crawl`: which sites to visit, which links to follow and which to keep,
 * and how politely. Validated with zod before any request is made; every problem is reported with
 * the path of the field it concerns (`sources[0].start[1]: Invalid URL`).
 *
 * Precedence: the defaults below < the sources file. There is no environment or flag layer: a
 * scheduled run should be described by one file an operator can read.
 *
 * | key                  | default                  | meaning                                                   |
 * |----------------------|--------------------------|-----------------------------------------------------------|
 * | delayMs              | 1000                     | pause after each request, per host and worker              |
 * | concurrencyPerHost   | 1                        | requests in flight to one host                             |
 * | userAgent            | DEFAULT_USER_AGENT       | sent with every request; its first word is the robots token |
 * | connectTimeoutMs     | 10000                    | TCP (and TLS) connection                                   |
 * | readTimeoutMs        | 30000                    | silence on an open connection (headers or body)            |
 * | totalTimeoutMs       | 300000                   | one request from start to last byte                        |
 * | retries              | 3                        | further attempts after a 5xx, 429, timeout or reset        |
 * | retryBaseMs          | 1000                     | first backoff; doubled on each retry                       |
 * | maxBytes             | 52428800 (50 MiB)        | response size limit, after decompression                   |
 * | recheckDays          | 7                        | how long a fetched document is trusted before it is re-checked |
 * | maxUrlsPerSource     | 5000                     | URLs one source may visit in a run; the rest wait for the next |
 * | maxLinksPerPage      | 1000                     | links (documents and list pages) taken from one page       |
 * | maxListDepth         | 50                       | list pages followed in a chain from a start page            |
 *
 * The last two bound discovery as maxBytes and maxUrlsPerSource bound fetching: a page of 100,000
 * links or a "next page" that never ends (a tarpit) must not take a whole run, every run.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from '../../../schemas/errors.js';

export const DEFAULT_USER_AGENT = 'renda/0.1 (crawler of people\'s congress work plans; set "userAgent" in the sources file to add a contact)';

/** A regular expression given as a string; it must compile. */
const Pattern = z.string().min(1).superRefine((s, ctx) => {
  try {
    new RegExp(s);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a regular expression: ${(err as Error).message}` });
  }
});

/** "host" or "host:port", as URL.host spells it (lower case, no scheme, no path). */
const HostPort = z
  .string()
  .regex(/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?$/i, 'expected host or host:port, e.g. www.example.gov.cn or 127.0.0.1:8080');

const HttpUrl = z.url({ protocol: /^https?$/ });

export const CrawlSource = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected letters, digits, "_", "." or "-"').describe('stable name of the source'),
    jurisdiction: z.string().min(1).optional().describe('the jurisdiction whose site this is, as a label for operators'),
    start: z.array(HttpUrl).min(1).describe('list pages to start from'),
    follow: z.array(Pattern).default([]).describe('links matching one of these are list pages: fetched for their links'),
    documents: z.array(Pattern).min(1).describe('links matching one of these are documents or attachments: saved and ingested'),
    allowedHosts: z.array(HostPort).optional().describe('hosts besides those of the start URLs that may be requested'),
  })
  .strict();

export const SourcesFile = z
  .object({
    sources: z.array(CrawlSource).min(1),
    delayMs: z.number().int().min(0).max(600_000).default(1000),
    concurrencyPerHost: z.number().int().min(1).max(16).default(1),
    userAgent: z.string().min(1).max(500).regex(/^[\x20-\x7e]+$/, 'expected printable ASCII').default(DEFAULT_USER_AGENT),
    connectTimeoutMs: z.number().int().min(1).max(600_000).default(10_000),
    readTimeoutMs: z.number().int().min(1).max(600_000).default(30_000),
    totalTimeoutMs: z.number().int().min(1).max(3_600_000).default(300_000),
    retries: z.number().int().min(0).max(10).default(3),
    retryBaseMs: z.number().int().min(0).max(600_000).default(1000),
    maxBytes: z.number().int().min(1024).max(2 ** 31).default(50 * 1024 * 1024),
    recheckDays: z.number().min(0).max(3650).default(7),
    maxUrlsPerSource: z.number().int().min(1).max(1_000_000).default(5000),
    // A real list shows tens of links and an article a few attachments; a thousand leaves room for
    // a TRS pager's 500 pages.
    maxLinksPerPage: z.number().int().min(1).max(1_000_000).default(1000),
    // 0 reads the start pages only. 50 hops of "下一页" at 20 items a page is 1,000 items, years of
    // plans; "尾页" and numbered pagers reach deep pages in one or two hops.
    maxListDepth: z.number().int().min(0).max(100_000).default(50),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.sources.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate id '${s.id}'` });
      seen.add(s.id);
    });
  });

export type CrawlSource = z.infer<typeof CrawlSource>;
export type CrawlConfig = z.infer<typeof SourcesFile>;

/** `["sources", 0, "start", 1]` → `sources[0].start[1]` */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '') || '(file)';
}

/** Validate parsed JSON; a bad file is a usage error listing every bad field. */
export function parseSources(json: unknown, name = 'sources file'): CrawlConfig {
  const checked = SourcesFile.safeParse(json);
  if (checked.success) return checked.data;
  const lines = checked.error.issues.map((i) => `  ${issuePath(i.path)}: ${i.message}`);
  throw new UsageError(`${name} is not valid:\n${lines.join('\n')}`);
}

export async function loadSources(path: string): Promise<CrawlConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the sources file ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${path} is not JSON: ${(err as Error).message}`);
  }
  return parseSources(json, path);
}

/**
 * The hosts a source may request: its start URLs' hosts and its allowedHosts. An entry without a
 * port allows the scheme's default port only, because a different port is a different server; an
 * entry naming port 80 or 443 is the same as one without.
 */
export function allowedHostsOf(source: CrawlSource): Set<string> {
  const hosts = new Set(source.start.map((u) => new URL(u).host));
  // URL.host omits a scheme's default port, so "x.cn:80" and "x.cn:443" must also allow "x.cn".
  for (const h of source.allowedHosts ?? []) hosts.add(h.toLowerCase().replace(/:(80|443)$/, ''));
  return hosts;
}
