/**
 * Service demand from measurements (src/model/calibrate-demand.ts): busy_t = B + S·X_t fitted by least squares, or
 * the utilisation law S = Σ busy / Σ X when there is no slope to fit. Every expected value is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { ObservedSeries } from '../../src/model/calibrate-observations.js';
import { serviceDemand } from '../../src/model/calibrate-demand.js';

const stamps = ['2026-11-01T00:00:00Z', '2026-11-01T01:00:00Z', '2026-11-01T02:00:00Z'];
const origin = { namespace: 'AWS/EC2', name: 'CPUUtilization', dimensions: {}, stat: 'Average' };
const series = (measures: ObservedSeries['measures'], values: number[], id: string = measures): ObservedSeries => ({
  id,
  measures,
  tier: 'app',
  origin,
  timestamps: stamps.slice(0, values.length),
  values,
});
const rates = (values: number[]) => new Map(values.map((v, i) => [Date.parse(stamps[i]!), v]));

describe('serviceDemand', () => {
  it('fits busy vCPUs against requests: slope = demand, intercept = background', () => {
    // One 1-vCPU instance at 25, 45 and 65 % CPU under 10, 20 and 30 requests/s: busy = 0.05 + 0.02·X, so
    // S = 0.02 vCPU-s per request and B = 0.05 vCPU; the means are 0.45 vCPU, 20 requests/s and 45 %.
    const d = serviceDemand(rates([10, 20, 30]), [series('cpu', [25, 45, 65])], 1)!;
    expect(d.method).toBe('regression');
    expect(d.demandS).toBeCloseTo(0.02, 12);
    expect(d.backgroundVcpus).toBeCloseTo(0.05, 12);
    expect(d.busyVcpus).toBeCloseTo(0.45, 12);
    expect(d.requestsPerS).toBe(20);
    expect(d.utilizationPercent).toBeCloseTo(45, 12);
    expect(d.periods).toBe(3);
  });

  it('counts a group average as CPU × vCPUs × instances in service', () => {
    // 2-vCPU instances at 50 %, 3, 5 and 7 of them, under 100, 200 and 300 requests/s: busy = 3, 5, 7 vCPUs
    // = 1 + 0.02·X, so S = 0.02 and B = 1.
    const d = serviceDemand(rates([100, 200, 300]), [series('cpu', [50, 50, 50])], 2, series('instances', [3, 5, 7]))!;
    expect(d.method).toBe('regression');
    expect(d.demandS).toBeCloseTo(0.02, 12);
    expect(d.backgroundVcpus).toBeCloseTo(1, 12);
    expect(d.busyVcpus).toBeCloseTo(5, 12);
    expect(d.utilizationPercent).toBe(50);
  });

  it('adds up instances measured one by one, and averages their utilisation', () => {
    // Two 1-vCPU instances at 20 and 40 % under 10, 20 and 30 requests/s (the same in each period): busy = 0.6 vCPU,
    // no slope to fit, so S = 0.6 / 20 = 0.03 by the utilisation law; utilisation (20 + 40)/2 = 30 %.
    const d = serviceDemand(rates([10, 20, 30]), [series('cpu', [20, 20, 20], 'a'), series('cpu', [40, 40, 40], 'b')], 1)!;
    expect(d.method).toBe('utilisation-law');
    expect(d.demandS).toBeCloseTo(0.6 / 20, 12);
    expect(d.backgroundVcpus).toBe(0);
    expect(d.utilizationPercent).toBeCloseTo(30, 12);
  });

  it('falls back to the utilisation law with fewer than 3 periods, no spread in load, or a negative background', () => {
    // Two periods: 30 % and 50 % at 10 and 30 requests/s, mean 0.4 vCPU over 20 requests/s: S = 0.02.
    const two = serviceDemand(rates([10, 30]), [series('cpu', [30, 50])], 1)!;
    expect(two).toMatchObject({ method: 'utilisation-law', backgroundVcpus: 0, periods: 2 });
    expect(two.demandS).toBeCloseTo(0.02, 12);
    // The same load in every period: no slope (Σ(x − x̄)² = 0); S = 0.3 / 20 = 0.015.
    const flat = serviceDemand(rates([20, 20, 20]), [series('cpu', [20, 30, 40])], 1)!;
    expect(flat.method).toBe('utilisation-law');
    expect(flat.demandS).toBeCloseTo(0.015, 12);
    // busy = 0.1, 0.3, 0.5 = −0.1 + 0.02·X: a negative background is no fit; S = 0.3 / 20 = 0.015.
    const negative = serviceDemand(rates([10, 20, 30]), [series('cpu', [10, 30, 50])], 1)!;
    expect(negative.method).toBe('utilisation-law');
    expect(negative.demandS).toBeCloseTo(0.015, 12);
  });

  it('is null without a period every series has, or without a request', () => {
    const elsewhere = new Map([[Date.parse('2026-12-01T00:00:00Z'), 10]]);
    expect(serviceDemand(elsewhere, [series('cpu', [25])], 1)).toBeNull();
    expect(serviceDemand(rates([0, 0, 0]), [series('cpu', [5, 5, 5])], 1)).toBeNull();
  });
});
