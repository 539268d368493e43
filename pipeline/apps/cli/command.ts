import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../../schemas/errors.js';

export interface Command {
  name: string;
  summary: string;
  help: string;
  /** Returns the exit code. Throws UsageError for bad arguments, before any work is done. */
  run(argv: string[]): Promise<number>;
}

/** node:util parseArgs, with its errors turned into usage errors that name the command. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${command}: ${(err as Error).message}`);
  }
}
