/**
 * The 3×3 linear algebra of the USL fit: normal equations JᵀJ·x = Jᵀy for three unknowns, solved by Gaussian
 * elimination with partial pivoting (Golub & Van Loan, "Matrix Computations", 4th ed., §3.4) on the subset of
 * coordinates that are free (the others held at 0 by the bound constraints). Internal to `uslFit.ts`.
 *
 * @example
 *   solveFree([[2, 0, 0], [0, 4, 0], [0, 0, 1]], [2, 8, 5], [true, true, false]) // [1, 2, 0]
 */

export type Vec3 = [number, number, number];
export type Mat3 = [Vec3, Vec3, Vec3];

/** a[i], for the fixed-size vectors here (indices are always 0–2). */
export function at(a: readonly number[], i: number): number {
  return a[i] as number;
}

/** The symmetric 3×3 Gram matrix Σ_rows rowᵢ·rowⱼ (JᵀJ). */
export function gram(rows: readonly Vec3[]): Mat3 {
  const m: Mat3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (const r of rows) {
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) m[i as 0][j as 0] += at(r, i) * at(r, j);
  }
  return m;
}

/** Σ_k row_k·y_k (Jᵀy). */
export function project(rows: readonly Vec3[], y: readonly number[]): Vec3 {
  const v: Vec3 = [0, 0, 0];
  rows.forEach((r, k) => {
    for (let i = 0; i < 3; i++) v[i as 0] += at(r, i) * at(y, k);
  });
  return v;
}

/**
 * Solves A·x = b restricted to the `free` coordinates (the others are 0) by Gaussian elimination with
 * partial pivoting; null if singular.
 */
export function solveFree(a: Mat3, b: Vec3, free: readonly boolean[]): Vec3 | null {
  const idx = [0, 1, 2].filter((i) => free[i]);
  const k = idx.length;
  const m = idx.map((i) => [...idx.map((j) => at(a[i as 0], j)), at(b, i)]);
  const row = (r: number): number[] => m[r] as number[];
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(at(row(r), col)) > Math.abs(at(row(pivot), col))) pivot = r;
    const top = row(pivot);
    m[pivot] = row(col);
    m[col] = top;
    const p = at(top, col);
    if (!(Math.abs(p) > 0)) return null;
    for (let r = col + 1; r < k; r++) {
      const other = row(r);
      const f = at(other, col) / p;
      for (let c = col; c <= k; c++) other[c] = at(other, c) - f * at(top, c);
    }
  }
  const x: Vec3 = [0, 0, 0];
  for (let r = k - 1; r >= 0; r--) {
    let s = at(row(r), k);
    for (let c = r + 1; c < k; c++) s -= at(row(r), c) * x[at(idx, c) as 0];
    x[at(idx, r) as 0] = s / at(row(r), r);
  }
  return x;
}
