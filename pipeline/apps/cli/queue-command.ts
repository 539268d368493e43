import { UsageError } from '../../../schemas/errors.js';
import { parseQueueUrl } from '../../run/queue/connection.js';
import { queueFailures, queueStatus } from '../../run/queue/status.js';
import type { Command } from './command.js';
import { parse } from './command.js';

const HELP = `Usage: renda queue status --queue <redis-url> [--json]
       renda queue failed --queue <redis-url> [--json]

status: files waiting, being worked on, done and failed, and per worker host its workers and the
        jobs it has in hand, done and failed.
failed: the failed files with their codes (as in failures.json), attempts and the worker.

Exit codes: 0 answered; 2 bad usage; 3 Redis could not be reached.`;

export const queueCommand: Command = {
  name: 'queue',
  summary: 'what the Redis queue holds: status, failed',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse('queue', argv, {
      queue: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const [what, ...rest] = positionals;
    if (what !== 'status' && what !== 'failed') throw new UsageError(`queue: expected 'status' or 'failed', got '${what ?? ''}'`);
    if (rest.length) throw new UsageError(`queue: unexpected argument '${rest[0]}'`);
    if (!values.queue) throw new UsageError('queue: --queue <redis-url> is required');
    const address = parseQueueUrl(values.queue);
    if (what === 'status') {
      const s = await queueStatus(address);
      if (values.json) process.stdout.write(JSON.stringify(s, null, 2) + '\n');
      else {
        const c = s.counts;
        process.stdout.write(`${s.queue}: ${c.waiting} waiting, ${c.active} active, ${c.delayed} delayed, ${c.done} done, ${c.failed} failed\n`);
        if (s.hosts.length) {
          process.stdout.write(['host\tworkers\tactive\tdone\tfailed', ...s.hosts.map((h) => `${h.host}\t${h.workers}\t${h.active}\t${h.done}\t${h.failed}`)].join('\n') + '\n');
        }
      }
    } else {
      const failed = await queueFailures(address);
      if (values.json) process.stdout.write(JSON.stringify(failed, null, 2) + '\n');
      else for (const f of failed) process.stdout.write(`${f.code}\t${f.path}\t${f.message}\t(attempts ${f.attempts}${f.worker ? `, ${f.worker}` : ''})\n`);
    }
    return 0;
  },
};
