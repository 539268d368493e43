/**
 * One crawl at a time per output folder. A cron job whose run outlasts its interval would otherwise
 * start a second crawler on the same state, doubling the load on the sites and racing on the files.
 * The lock is a file holding the owner's pid, created exclusively; a lock whose process is gone (a
 * crash, a SIGKILL, a reboot) is stale and taken over.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../../schemas/errors.js';
import { processIsAlive } from '../../store/process-alive.js';

export interface CrawlLock {
  release(): Promise<void>;
}

export async function acquireCrawlLock(out: string): Promise<CrawlLock> {
  const path = join(out, 'crawl.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processIsAlive(pid)) {
        throw new UsageError(`another crawl (pid ${pid}) is using ${out}; if it is not running, remove ${path}`);
      }
      await rm(path, { force: true }); // stale: its process is gone
    }
  }
  throw new UsageError(`cannot take the crawl lock ${path}`);
}

