/**
 * snake_case YAML keys → the engine's camelCase names, as a value transform and as a type, so that a field is
 * written once (in ./schema.ts) and appears in the engine's types with its camelCase name.
 */

/** "quoted_total_usd" → "quotedTotalUsd", at the type level. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** An object type with its keys camelCased (optional keys stay optional). */
export type CamelKeys<T> = { [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] };

/** "quoted_total_usd" → "quotedTotalUsd". */
export const camelCase = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** "quotedTotalUsd" → "quoted_total_usd": the YAML key of an engine field, for problem paths. */
export const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Copies an object with camelCased keys, leaving out keys whose value is undefined. */
export function camelKeys<T extends object>(object: T): CamelKeys<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[camelCase(key)] = value;
  return out as CamelKeys<T>;
}
