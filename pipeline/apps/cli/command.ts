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

/** A whole-number option in [min, max], checked before any work: anything else is a usage error. */
export function wholeNumber(option: string, raw: unknown, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${option}: expected a whole number from ${min} to ${max}, got '${raw}'`);
  return n;
}
