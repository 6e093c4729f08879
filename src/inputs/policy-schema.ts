/**
 * The gate's policy file (`cuenta-plan gate --policy FILE`): YAML whose keys are the gate's flags without their
 * dashes in front, so a policy and a command line say the same thing the same way. Published as
 * schema/policy.schema.json (scripts/gen-schema.mjs) for editors.
 */
import * as z from 'zod';
import { PERCENT_TEXT } from '../commands/args.js';
import { PRICING_CHOICES, type PricingChoice } from '../commands/pricing.js';
import { MAX_SAMPLES } from '../commands/uncertainty.js';
import { dayNumber } from '../model/advise-dates.js';
import { MAX_SEED } from '../model/random.js';

/** A policy as the gate reads it: every key optional; flags given on the command line win over these. */
export interface GatePolicy {
  users?: number[];
  budget?: number;
  maxCostPerUser?: number;
  requireSlo?: boolean;
  minHeadroom?: number;
  baseline?: string;
  maxIncrease?: number;
  minWeeksToMigrate?: number;
  /** Percent a month, as written (10 = 10 %). */
  growth?: number;
  asOf?: string;
  /** 0 to 1. */
  maxBreachProbability?: number;
  samples?: number;
  seed?: number;
  pricing?: PricingChoice;
  set?: Array<{ name: string; value: number }>;
}

const usersCount = () => z.int().min(1).max(1_000_000_000).describe('A user count (whole number, 1 to a billion)');

/** `10` or `"10%"`, both ten percent. */
const percent = (description: string) =>
  z
    .union([
      z.number().min(0),
      z
        .string()
        .regex(PERCENT_TEXT, { message: 'a percent is a number with an optional % sign, such as 10 or 10%' })
        .transform((text) => Number(PERCENT_TEXT.exec(text)![1]))
        .pipe(z.number().min(0)),
    ])
    .describe(`${description}; 10 and "10%" both mean ten percent`);

const isDate = (text: string): boolean => {
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
};

/** Built on first use: zod is loaded lazily (scripts/build.mjs), and only `gate --policy` needs this. */
let built: ReturnType<typeof buildPolicySchema> | undefined;
export const policySchema = (): ReturnType<typeof buildPolicySchema> => (built ??= buildPolicySchema());

const buildPolicySchema = () =>
  z
    .strictObject({
      users: z
        .union([usersCount(), z.array(usersCount()).min(1)])
        .optional()
        .describe('User counts to gate (--users): one, or a list; the command line replaces them'),
      budget: z.number().min(0).optional().describe('Largest monthly cost allowed at each user count, USD (--budget)'),
      'max-cost-per-user': z.number().min(0).optional().describe('Largest monthly cost per user allowed, USD (--max-cost-per-user)'),
      'require-slo': z.boolean().optional().describe("Check the phase's latency and availability SLOs (--require-slo)"),
      'min-headroom': percent('Fewest more users, in percent of each count, the phase must still serve (--min-headroom)').optional(),
      baseline: z
        .string()
        .min(1)
        .optional()
        .describe('A saved simulate, sweep or gate JSON result, or a catalog, to compare costs with (--baseline); relative to the policy file'),
      'max-increase': percent('Largest growth of the monthly cost over the baseline, in percent (--max-increase)').optional(),
      'min-weeks-to-migrate': z
        .number()
        .min(0)
        .optional()
        .describe('Fewest weeks from as-of until the migration to the next phase must start, at the growth rate (--min-weeks-to-migrate; needs growth)'),
      growth: percent('Net monthly-active-user growth per month, in percent, above 0 (--growth)').optional(),
      'as-of': z
        .string()
        .refine(isDate, { message: 'a date as YYYY-MM-DD, e.g. 2027-01-01' })
        .optional()
        .describe('The day to count the weeks from, YYYY-MM-DD (--as-of; default: today, UTC)'),
      'max-breach-probability': z
        .union([
          z.number().min(0).max(1),
          z
            .string()
            .regex(PERCENT_TEXT, { message: 'a probability is a number from 0 to 1, or a percent such as 5%' })
            .transform((text) => Number(PERCENT_TEXT.exec(text)![1]) / 100)
            .pipe(z.number().min(0).max(1)),
        ])
        .optional()
        .describe('Highest probability of breaking each SLO and the budget in a Monte Carlo (--max-breach-probability); 0.05 and "5%" are the same'),
      samples: z.int().min(1).max(MAX_SAMPLES).optional().describe('Monte Carlo samples for max-breach-probability (--samples; default 1000)'),
      seed: z.int().min(0).max(MAX_SEED).optional().describe("Seed of the Monte Carlo's generator (--seed; default 1)"),
      pricing: z.enum(PRICING_CHOICES).optional().describe('Price book (--pricing): snapshot, seed or live'),
      set: z
        .record(z.string().min(1), z.number())
        .optional()
        .describe('Catalog quantities set for the run, by name (--set NAME=VALUE); the command line adds to them'),
    })
    .describe('A cuenta-plan gate policy: the checks `cuenta-plan gate --policy FILE` runs')
    .transform((raw): GatePolicy => {
      const policy: GatePolicy = {};
      if (raw.users !== undefined) policy.users = Array.isArray(raw.users) ? raw.users : [raw.users];
      if (raw.budget !== undefined) policy.budget = raw.budget;
      if (raw['max-cost-per-user'] !== undefined) policy.maxCostPerUser = raw['max-cost-per-user'];
      if (raw['require-slo'] !== undefined) policy.requireSlo = raw['require-slo'];
      if (raw['min-headroom'] !== undefined) policy.minHeadroom = raw['min-headroom'];
      if (raw.baseline !== undefined) policy.baseline = raw.baseline;
      if (raw['max-increase'] !== undefined) policy.maxIncrease = raw['max-increase'];
      if (raw['min-weeks-to-migrate'] !== undefined) policy.minWeeksToMigrate = raw['min-weeks-to-migrate'];
      if (raw.growth !== undefined) policy.growth = raw.growth;
      if (raw['as-of'] !== undefined) policy.asOf = raw['as-of'];
      if (raw['max-breach-probability'] !== undefined) policy.maxBreachProbability = raw['max-breach-probability'];
      if (raw.samples !== undefined) policy.samples = raw.samples;
      if (raw.seed !== undefined) policy.seed = raw.seed;
      if (raw.pricing !== undefined) policy.pricing = raw.pricing;
      if (raw.set !== undefined) policy.set = Object.entries(raw.set).map(([name, value]) => ({ name, value }));
      return policy;
    });

/** The policy file's JSON Schema (input side: what an author writes). */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(policySchema(), { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema: schema.$schema, $id: 'https://cuenta-plan.dev/schema/policy.schema.json', title: 'cuenta-plan gate policy', ...schema };
}

/** The schema as the committed file holds it: 2-space JSON with a final newline. */
export const policyJsonSchemaText = (): string => `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
