import { UsageError } from '../../../schemas/errors.js';

/**
 * What rows of a comparison stand for. Each grouping is a column of v_items; a document whose
 * jurisdiction is unknown, or a province-level document grouped by prefecture, falls in a group
 * of its own, named so it is not mistaken for a place.
 */
export const GROUPINGS = ['level', 'province', 'prefecture', 'jurisdiction'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export function parseGrouping(value: unknown): Grouping {
  if (typeof value === 'string' && (GROUPINGS as readonly string[]).includes(value)) return value as Grouping;
  throw new UsageError(`compare: --by must be one of ${GROUPINGS.join(', ')} (got '${String(value)}')`);
}

/** SQL for the group's label over v_items aliased `v`. */
export function groupSql(by: Grouping, alias = 'v'): string {
  switch (by) {
    case 'level':
      return `coalesce(${alias}.level, '(unknown level)')`;
    case 'province':
      return `coalesce(${alias}.province, '(unknown province)')`;
    case 'prefecture':
      return `coalesce(${alias}.prefecture, CASE WHEN ${alias}.level = 'province' THEN '(province level)' ELSE '(unknown prefecture)' END)`;
    case 'jurisdiction':
      return `coalesce(${alias}.jurisdiction, '(unknown jurisdiction)')`;
  }
}
