/**
 * Compile-time checks that a result schema and the interface its builder returns describe one shape. The engine
 * (src/model/) may import nothing from this folder, so it keeps its interfaces and each schema file asserts
 *
 *   type SimulateShapeCheck = Assert<SameShape<z.output<ReturnType<typeof simulateResultSchema>>, SimulateResult>>;
 *
 * A field added, dropped, made optional or nullable, or given another type on one side only makes `tsc` fail
 * there with "Type 'false' does not satisfy the constraint 'true'".
 */

/**
 * The shape as JSON sees it: `readonly` marks how the engine treats its arrays, not what a result holds.
 * Distributes over unions, so `T | null` keeps its null.
 */
type Writable<T> = T extends readonly (infer Item)[] ? Writable<Item>[] : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

/**
 * True when A and B are the same type: the deferred conditional types below are related only when A and B are
 * identical, which mutual assignability is not (it lets an optional field on one side pass).
 */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export type SameShape<A, B> = Equals<Writable<A>, Writable<B>>;

/** Fails to compile unless T is `true`. */
export type Assert<T extends true> = T;
