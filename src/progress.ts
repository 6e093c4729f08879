/**
 * A progress bar on stderr for long work (a Monte Carlo of many samples). It appears only when the work looks
 * like it will take over about a second, and only where a person watches: stderr a terminal, not in CI (the
 * `CI` variable every CI service sets), never with `--format json` (a machine reads that output).
 * Pure of the process: the caller passes the streams, the environment and a clock, so tests drive it.
 */
import type { Format } from './output.js';

export interface ProgressEnvironment {
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  format: Format;
  /** Milliseconds from any fixed origin (performance.now in the process). */
  now: () => number;
  /** Terminal width; the bar fits in it. */
  columns?: number | undefined;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the bar (if it was drawn) so the report starts on a clean line. */
  finish(): void;
}

/** Work projected to take at least this long gets a bar ("over about a second"). */
export const SHOW_AFTER_PROJECTED_MS = 1000;
/** Projections wait for this much work, so one slow first sample does not decide. */
const PROJECT_AFTER_MS = 150;
/** At most ten redraws a second: drawing is cheap, a flickering line is not. */
const REDRAW_MS = 100;

const NONE: Progress = { update: () => undefined, finish: () => undefined };

/** Whether a bar may be shown at all in this environment. */
export const progressAllowed = (e: Pick<ProgressEnvironment, 'stderrIsTTY' | 'env' | 'format'>): boolean =>
  e.stderrIsTTY && !e.env.CI && e.format !== 'json';

/** The bar's text: `label [#####-----]  45%  4,500/10,000`, no wider than `columns`. */
export function progressLine(label: string, done: number, total: number, columns = 80): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const counts = `${Math.floor(share * 100).toString().padStart(3)}%  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
  const width = Math.max(10, Math.min(40, columns - label.length - counts.length - 6));
  const filled = Math.round(share * width);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${counts}`;
}

export function progressBar(e: ProgressEnvironment, label: string): Progress {
  if (!progressAllowed(e)) return NONE;
  const start = e.now();
  let shown = false;
  let lastDraw = -Infinity;
  return {
    update(done, total) {
      const now = e.now();
      const elapsed = now - start;
      if (!shown) {
        if (elapsed < PROJECT_AFTER_MS || done === 0 || (elapsed * total) / done < SHOW_AFTER_PROJECTED_MS || done >= total) return;
        shown = true;
      }
      if (now - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = now;
      e.stderr(`\r${progressLine(label, done, total, e.columns)}\x1b[K`);
    },
    finish() {
      if (shown) e.stderr('\r\x1b[K');
    },
  };
}
