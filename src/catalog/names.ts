/** Assumption names must be usable as formula variables. */
export const ASSUMPTION_NAME = /^[a-z][a-z0-9_]*$/;
