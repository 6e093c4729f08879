import { PRICE_UNITS } from '../../src/pricing/index.js';

/** A valid snapshot built from the schema's rules alone (every unit documented, one valid price), not from the bundled file. */
export function minimalSnapshot(prices: Record<string, Record<string, unknown>> = { 'ec2:t3.micro': bare() }): Record<string, unknown> {
  return {
    schemaVersion: 1,
    region: 'us-east-1',
    currency: 'USD',
    retrieved: '2026-11-29',
    hoursPerMonth: 730,
    keyScheme: { summary: 'service:item[:qualifier...]', rules: [] },
    units: Object.fromEntries(PRICE_UNITS.map((unit) => [unit, `one ${unit}`])),
    prices,
  };
}

/** An unverified price with only the required fields. */
export function bare(): Record<string, unknown> {
  return { usd: 0.0104, unit: 'hour', description: 'EC2 t3.micro', verified: false, source: 'a rough figure' };
}
