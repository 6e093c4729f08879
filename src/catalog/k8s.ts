/** Kubernetes quantities as containers write them, in the engine's units (vCPUs, GiB). */

/** "500m" → 0.5 vCPU; "2" or 2 → 2. */
export function parseCpu(raw: string | number): number {
  if (typeof raw === 'number') return raw;
  return raw.endsWith('m') ? Number(raw.slice(0, -1)) / 1000 : Number(raw);
}

const MEMORY_UNITS: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
};

/** "1Gi" → 1, "512Mi" → 0.5 (GiB); NaN for text the schema's pattern would have refused. */
export function parseMemoryGib(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)([A-Za-z]+)$/.exec(raw);
  const factor = match ? MEMORY_UNITS[match[2] ?? ''] : undefined;
  if (!match || factor === undefined) return Number.NaN;
  return (Number(match[1]) * factor) / 2 ** 30;
}
