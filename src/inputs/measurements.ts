/**
 * Load-test measurements for `queue usl --fit FILE.csv`: `concurrency,throughput` rows read into the
 * engine's UslPoint. Every problem is a UserError naming the file and, where there is one, the line.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import type { UslPoint } from '../model/queueing/index.js';

/**
 * Parses `concurrency,throughput` rows. A first line that is not two numbers is a header and must name those
 * two columns; blank lines and lines starting with # are skipped. Errors name the file and the line.
 */
export function parseUslCsv(file: string, text: string): UslPoint[] {
  const points: UslPoint[] = [];
  let seenContent = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const where = `${file}:${index + 1}`;
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(',').map((f) => f.trim());
    const first = !seenContent;
    seenContent = true;
    const numeric = fields.map((f) => (f === '' ? Number.NaN : Number(f)));
    if (first && numeric.every((n) => Number.isNaN(n))) {
      const header = fields.map((f) => f.toLowerCase());
      if (header.length === 2 && header[0] === 'concurrency' && header[1] === 'throughput') return;
      throw new UserError(`${where}: the header must be "concurrency,throughput"; got "${line}"`);
    }
    if (fields.length !== 2) {
      throw new UserError(`${where}: expected 2 columns (concurrency,throughput); got ${fields.length} in "${line}"`);
    }
    const [concurrency, throughput] = numeric as [number, number];
    if (!Number.isFinite(concurrency) || concurrency <= 0) {
      throw new UserError(`${where}: concurrency must be a number > 0; got "${fields[0]}"`);
    }
    if (!Number.isFinite(throughput) || throughput <= 0) {
      throw new UserError(`${where}: throughput must be a number > 0; got "${fields[1]}"`);
    }
    points.push({ concurrency, throughput });
  });
  return points;
}

/** Reads and parses the CSV given to `--fit`. */
export function readUslMeasurements(file: string): UslPoint[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message);
    throw new UserError(`cannot read --fit ${file}: ${reason}`);
  }
  return parseUslCsv(file, text);
}
