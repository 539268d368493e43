import cliProgress from 'cli-progress';

/**
 * A progress bar on a terminal; nothing when stderr is a pipe or a file (CI logs stay clean).
 * `label` and `unit` name the work: "ingest … files", "export items … rows".
 */
export function createProgress(label = 'ingest', unit = 'files'): { update(done: number, total: number): void; stop(): void } | null {
  if (!process.stderr.isTTY) return null;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}/{total} ${unit} | {eta_formatted} left`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
