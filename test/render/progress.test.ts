import { describe, expect, it } from 'vitest';
import { progressAllowed, progressBar, progressLine } from '../../src/progress.js';

function harness(overrides: { stderrIsTTY?: boolean; env?: NodeJS.ProcessEnv; format?: 'table' | 'json' | 'md' } = {}) {
  let clock = 0;
  let written = '';
  const bar = progressBar(
    { stderr: (t) => (written += t), stderrIsTTY: overrides.stderrIsTTY ?? true, env: overrides.env ?? {}, format: overrides.format ?? 'table', now: () => clock, columns: 80 },
    'sampling',
  );
  return { bar, advance: (ms: number) => (clock += ms), written: () => written };
}

describe('progress bar', () => {
  it('shows for work projected over a second, then erases itself', () => {
    const h = harness();
    h.advance(200);
    h.bar.update(100, 1000); // 200 ms for a tenth: 2 s projected
    expect(h.written()).toContain('sampling [');
    expect(h.written()).toContain(' 10%  100/1,000');
    h.bar.finish();
    expect(h.written().endsWith('\r\x1b[K')).toBe(true);
  });

  it('stays silent for work projected under a second', () => {
    const h = harness();
    h.advance(200);
    h.bar.update(500, 1000); // 400 ms projected
    h.bar.finish();
    expect(h.written()).toBe('');
  });

  it.each([
    ['stderr piped', { stderrIsTTY: false }],
    ['CI', { env: { CI: 'true' } }],
    ['--format json', { format: 'json' as const }],
  ])('never shows when %s', (_label, overrides) => {
    expect(progressAllowed({ stderrIsTTY: true, env: {}, format: 'table', ...overrides })).toBe(false);
    const h = harness(overrides);
    h.advance(5000);
    h.bar.update(1, 1000);
    expect(h.written()).toBe('');
  });

  it('fits the bar in the terminal', () => {
    expect(progressLine('sampling', 5, 10, 40).length).toBeLessThanOrEqual(40 + 10);
    expect(progressLine('sampling', 10, 10)).toContain('[########################################] 100%');
  });
});
