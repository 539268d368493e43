#!/usr/bin/env node
import { StopError, UsageError } from '../../../schemas/errors.js';
import { StoreError } from '../../store/store.js';
import { ModelError } from '../../store/similar/_embed-error.js';
import { ExportError } from '../export/writer.js';
import { compareCommand } from './compare-command.js';
import { crawlCommand } from './crawl-command.js';
import { evalCommand } from './eval-command.js';
import { exportCommand } from './export-command.js';
import { ingestCommand } from './ingest-command.js';
import { queryCommand } from './query-command.js';
import { reportCommand } from './report-command.js';
import { schemaCommand } from './schema-command.js';
import { searchCommand } from './search-command.js';
import { similarCommand } from './similar-command.js';
import { workerCommand } from './worker-command.js';
import { queueCommand } from './queue-command.js';
import type { Command } from './command.js';

/**
 * renda's command line. Exit codes: 0 success, 1 some files failed (the others were written),
 * 2 bad usage (nothing was done), 3 the queue's Redis could not be reached (stored work stays).
 */
const COMMANDS: Command[] = [ingestCommand, crawlCommand, compareCommand, searchCommand, similarCommand, queryCommand, exportCommand, reportCommand, schemaCommand, evalCommand, workerCommand, queueCommand];

const HELP = `renda — people's congress work plans and reports into comparable data

Usage: renda <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Run 'renda <command> --help' for a command's options.
Exit codes: 0 success, 1 some files failed (the rest were written), 2 bad usage, 3 Redis out of reach.`;

// Output piped into a reader that stops early (renda … | head) is not an error of renda's: the work is
// done and written; only the rest of the printing is dropped.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write((target ? target.help : HELP) + '\n');
    return 0;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    const pkg = createRequire(import.meta.url)('../../../../package.json') as { version: string };
    process.stdout.write(pkg.version + '\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command '${name}'\n\n${HELP}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help + '\n');
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`renda: ${err.message}\n`);
      process.exitCode = 2;
    } else if (err instanceof StopError) {
      // Everything is stored and closed but the connections to a Redis that is gone, whose
      // reconnect timers would keep the process alive: exit once the message is out.
      process.stderr.write(`renda: ${err.code}: ${err.message}\n`, () => process.exit(3));
    } else if (err instanceof StoreError || err instanceof ModelError || err instanceof ExportError) {
      process.stderr.write(`renda: ${err.code}: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`renda: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
