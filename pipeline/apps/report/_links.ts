import { relative, resolve, sep } from 'node:path';

/**
 * The link from the report to an item's source file. `source_path` is stored as given to
 * `renda ingest`, so it is resolved against the working folder (of this run: the report has no
 * record of the ingest's) and made relative to the report's folder, so the page and the sources can
 * move together. Each segment is percent-encoded: a file named "javascript:x" or holding "#" or
 * "?" must stay a relative path, never become a scheme, fragment or query.
 */
export function sourceHref(sourcePath: string, page: number | null, options: { cwd: string; reportDir: string }): string {
  const rel = relative(options.reportDir, resolve(options.cwd, sourcePath));
  const href = rel.split(sep).map(encodeURIComponent).join('/');
  return page !== null && hasPages(sourcePath) ? `${href}#page=${page}` : href;
}

/** Chromium's and Firefox's PDF viewers open at #page=N; other files have no pages to point at. */
export function hasPages(sourcePath: string): boolean {
  return /\.pdf$/i.test(sourcePath);
}
