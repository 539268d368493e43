import { stat } from 'node:fs/promises';

/**
 * Whether the file the crawl state names for a URL is still there: raw/ may have been cleaned by
 * hand since, and then the URL is fetched again in full and nothing is handed to ingest for it.
 */
export async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
