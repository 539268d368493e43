/**
 * Largest, smallest and append over arrays as long as the input makes them. `Math.max(...xs)` and
 * `push(...xs)` pass every element as an argument, and past about 120,000 elements that overflows
 * the call stack (a table of 150,000 rows did).
 */
export function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

export function minOf(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const x of items) target.push(x);
}
