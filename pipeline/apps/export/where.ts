import { UsageError } from '../../../schemas/errors.js';

/**
 * The user's `--where`: one SQL condition over a table's columns (`year >= 2023 AND kind =
 * 'report'`). The connection is read-only, so a condition can read but never change anything;
 * this only refuses what cannot be one condition — nothing, or a `;` outside quotes, which would
 * end the statement and silently drop the rest.
 */
export function parseWhere(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const where = String(value).trim();
  if (!where) throw new UsageError('--where: give a condition, e.g. --where "year >= 2023"');
  const unquoted = where.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, '');
  if (unquoted.includes(';')) throw new UsageError(`--where: one condition, without ';' (got ${JSON.stringify(where)})`);
  return where;
}
