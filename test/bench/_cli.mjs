// What every bench needs: the repository root and the built CLI (the bench scripts run dist/, so
// `npm run bench` builds first), and the figures GNU `time -v` reports for a child process.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN = join(ROOT, 'dist/pipeline/apps/cli/main.js');
if (!existsSync(MAIN)) {
  process.stderr.write(`bench: ${MAIN} not found; run 'npm run build' first (npm run bench does)\n`);
  process.exit(2);
}

/** Elapsed seconds, peak RSS (KiB) and CPU share from GNU `time -v`'s report; null where absent. */
export function parseGnuTime(text) {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text);
  const cpu = /Percent of CPU this job got: (\d+)%/.exec(text);
  return {
    seconds: wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : null,
    peakKiB: rss ? Number(rss[1]) : null,
    cpuPercent: cpu ? Number(cpu[1]) : null,
  };
}
