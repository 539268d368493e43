import { OCR_ENGINES } from '../../../schemas/index.js';
import { UsageError } from '../../../schemas/errors.js';
import { DEFAULT_OCR_ENGINE } from '../../extract/ocr-service.js';
import { parseQueueUrl } from '../../run/queue/connection.js';
import { DEFAULT_LOCK_MS, startWorker } from '../../run/queue/worker.js';
import type { Command } from './command.js';
import { parse, wholeNumber } from './command.js';
import { parseOcr } from './ingest-command.js';

const HELP = `Usage: renda worker --queue <redis-url> [options]

Takes source files that 'renda ingest --queue' submitted and runs extract, normalise and analyse on
them, on this host, sending each result back through Redis. Needs no shared disk: a file's bytes
come through Redis. Run as many as you like, on as many hosts as you like; a worker that dies
leaves its job to the others (taken up when its lock lapses, --lock-ms). Stops on SIGINT/SIGTERM
after the jobs in hand.

Options:
  --queue <redis-url>      the Redis to take jobs from (redis://host:6379/0)
  --concurrency <n>        jobs at once in this process (default: 1; run one worker process per
                           core rather than raising this: analysis uses one core per process)
  --ocr-engine <name>      ${OCR_ENGINES.join(' | ')} (default: ${DEFAULT_OCR_ENGINE})
  --ocr-workers <n>        OCR engines in this worker's pool
  --lock-ms <ms>           how long a job stays this worker's without a sign of life (default:
                           ${DEFAULT_LOCK_MS}; a dead worker's job is taken up after about this long).
                           The sign of life comes from the thread that analyses, so this must be
                           longer than the analysis of the largest file (~30 s at --max-chars 5M)
  --quiet, -q              no line per job

Exit codes: 0 stopped by a signal after finishing its jobs; 2 bad usage.`;

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run queued files from Redis (renda ingest --queue) on this host',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse('worker', argv, {
      queue: { type: 'string' },
      concurrency: { type: 'string', default: '1' },
      'ocr-engine': { type: 'string', default: DEFAULT_OCR_ENGINE },
      'ocr-workers': { type: 'string' },
      'lock-ms': { type: 'string', default: String(DEFAULT_LOCK_MS) },
      quiet: { type: 'boolean', short: 'q', default: false },
    });
    if (positionals.length) throw new UsageError(`worker: unexpected argument '${positionals[0]}'`);
    if (!values.queue) throw new UsageError('worker: --queue <redis-url> is required');
    const address = parseQueueUrl(values.queue);
    const concurrency = wholeNumber('--concurrency', values.concurrency, 1, 64);
    const lockDuration = wholeNumber('--lock-ms', values['lock-ms'], 1000, 3_600_000);
    // The mode comes with each job; the engine and its pool are this worker's.
    const ocr = parseOcr('auto', values['ocr-engine'] as string, values['ocr-workers'] as string | undefined);
    const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
    const worker = await startWorker({
      address,
      concurrency,
      ocr,
      lockDuration,
      onJob: values.quiet ? undefined : (e) => log(`${e.outcome}${e.code ? ` ${e.code}` : ''} ${e.path} ${e.ms} ms`),
      onConnection: (state, detail) => log(state === 'lost' ? `Redis out of reach (${detail}); retrying` : `Redis back at ${detail}`),
      onError: (err) => log(`error ${err.message}`),
    });
    log(`worker ${worker.name} taking jobs from ${address.shown}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    log(`worker ${worker.name} stopping after the jobs in hand (a second signal stops at once)`);
    // BullMQ's close can wait on a Redis that is away; a second signal (or systemd's stop timeout)
    // ends the process, and the jobs in hand go back to the queue when their locks lapse.
    const again = () => process.exit(143);
    process.once('SIGINT', again);
    process.once('SIGTERM', again);
    await worker.close();
    return 0;
  },
};
