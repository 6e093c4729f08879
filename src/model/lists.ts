/**
 * `map` and `filter` for the lists a sizing or a bill makes at every step (stations, their states, the hours, hourly
 * counts, priced lines), each kind of list made by one array literal.
 *
 * V8 remembers at a literal the most general kind of element its arrays have held (small integers, then doubles; or
 * objects) and starts each new array there, so the code that reads these lists soon sees one kind of array. Arrays
 * from `map` and `filter` start over each time and come out of optimised code in other kinds (holey, doubles) than
 * out of the interpreter (packed small integers): each change sent the functions that read them back to the
 * interpreter while a Monte Carlo warmed up (30–32 deoptimisations in a 10,000-sample run at phase 4; 1 with these).
 */

/** `items.map(fn)` for a list of numbers. */
export function mapNumbers<T>(items: readonly T[], fn: (item: T, index: number) => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i]!, i));
  return out;
}

/** `items.map(fn)` for a list of anything else. */
export function mapList<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i]!, i));
  return out;
}

/** `items.filter(keep)`. */
export function filterList<T>(items: readonly T[], keep: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) if (keep(items[i]!)) out.push(items[i]!);
  return out;
}
