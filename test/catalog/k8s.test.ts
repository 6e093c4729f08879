import { describe, expect, it } from 'vitest';
import { parseCpu, parseMemoryGib } from '../../src/catalog/k8s.js';

// Expected values from the Kubernetes documentation, "Resource Management for Pods and Containers"
// (kubernetes.io/docs/concepts/configuration/manage-resources-containers/): CPU "0.1" is "100m" (one
// millicpu is a thousandth of a CPU); memory suffixes E, P, T, G, M, k are powers of ten and Ei, Pi, Ti, Gi,
// Mi, Ki powers of two. GiB is 2^30 bytes.
describe('Kubernetes quantities', () => {
  it('reads CPU as millicores or whole CPUs', () => {
    expect(parseCpu('500m')).toBe(0.5);
    expect(parseCpu('100m')).toBe(0.1);
    expect(parseCpu('2')).toBe(2);
    expect(parseCpu('0.25')).toBe(0.25);
    expect(parseCpu(2)).toBe(2);
    expect(parseCpu(0.5)).toBe(0.5);
  });

  it('does not read a leading m as millicores', () => {
    expect(parseCpu('m500')).toBeNaN();
  });

  it('reads binary memory suffixes in GiB', () => {
    expect(parseMemoryGib('1Gi')).toBe(1);
    expect(parseMemoryGib('512Mi')).toBe(0.5);
    expect(parseMemoryGib('1048576Ki')).toBe(1);
    expect(parseMemoryGib('1Ti')).toBe(1024);
    expect(parseMemoryGib('1.5Gi')).toBe(1.5);
    expect(parseMemoryGib('1.25Gi')).toBe(1.25);
  });

  it('reads decimal memory suffixes in GiB (1G is 10^9 / 2^30 GiB)', () => {
    expect(parseMemoryGib('1G')).toBeCloseTo(1e9 / 2 ** 30, 12);
    expect(parseMemoryGib('2000M')).toBeCloseTo(2e9 / 2 ** 30, 12);
    expect(parseMemoryGib('1000000k')).toBeCloseTo(1e9 / 2 ** 30, 12);
    expect(parseMemoryGib('1T')).toBeCloseTo(1e12 / 2 ** 30, 9);
    expect(parseMemoryGib('12Gi')).toBe(12);
  });

  it('refuses what is not a number followed by a known suffix', () => {
    for (const raw of ['', 'Gi', '1', '1.Gi', '.5Gi', 'x1Gi', '1Gix', '1Gi ', '1 Gi', '1GiB', '1Xi', '1gi', '-1Gi']) {
      expect(parseMemoryGib(raw), raw).toBeNaN();
    }
  });
});
