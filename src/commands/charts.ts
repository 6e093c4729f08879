import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io.js';

/** A chart file as a renderer draws it. */
export interface ChartFile {
  name: string;
  text: string;
}

/** The charts folder as the markdown links it: relative to the markdown's folder (`--out`), with forward slashes. */
export function chartsHref(dir: string, out: string | undefined): string {
  const from = out === undefined || out === '-' ? process.cwd() : dirname(resolve(out));
  return relative(from, resolve(dir)).split(sep).join('/') || '.';
}

/** Writes each chart atomically into `--charts DIR` (created when missing). */
export function writeCharts(dir: string, files: readonly ChartFile[]): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot create --charts ${dir}: ${(error as NodeJS.ErrnoException).code === 'EEXIST' ? 'a file has that name' : String((error as Error).message)}`);
  }
  for (const file of files) writeFileAtomic(join(dir, file.name), file.text, '--charts');
}
