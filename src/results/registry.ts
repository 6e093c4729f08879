/**
 * Every command's result schema, by the `command` field the result carries. A new command adds its schema
 * here; `node scripts/gen-schema.mjs` then publishes it as schema/<name>.result.schema.json and the tests in
 * test/results pin the file and validate the command's real output against it.
 */
import type * as z from 'zod';
import { breakevenResultSchema } from './breakeven.js';
import { adviseResultSchema } from './advise.js';
import { catalogShowResultSchema, catalogValidateResultSchema } from './catalog.js';
import { claimsResultSchema } from './claims.js';
import { compareResultSchema } from './compare.js';
import { forecastResultSchema } from './forecast.js';
import { gateResultSchema } from './gate.js';
import {
  queueErlangBResultSchema,
  queueErlangCResultSchema,
  queueMmckResultSchema,
  queueMmcResultSchema,
  queueMvaResultSchema,
  queueSizeResultSchema,
  queueUslResultSchema,
} from './queue.js';
import { reportResultSchema } from './report.js';
import { pricingRefreshResultSchema, pricingShowResultSchema } from './pricing.js';
import { sensitivityResultSchema } from './sensitivity.js';
import { simulateResultSchema } from './simulate.js';
import { solveResultSchema } from './solve.js';
import { sweepResultSchema } from './sweep.js';

export const RESULT_SCHEMAS = {
  simulate: simulateResultSchema,
  compare: compareResultSchema,
  sweep: sweepResultSchema,
  solve: solveResultSchema,
  gate: gateResultSchema,
  breakeven: breakevenResultSchema,
  claims: claimsResultSchema,
  sensitivity: sensitivityResultSchema,
  advise: adviseResultSchema,
  forecast: forecastResultSchema,
  'catalog validate': catalogValidateResultSchema,
  'catalog show': catalogShowResultSchema,
  'queue mmc': queueMmcResultSchema,
  'queue size': queueSizeResultSchema,
  'queue mmck': queueMmckResultSchema,
  'queue erlang-b': queueErlangBResultSchema,
  'queue erlang-c': queueErlangCResultSchema,
  'queue mva': queueMvaResultSchema,
  'queue usl': queueUslResultSchema,
  report: reportResultSchema,
  'pricing refresh': pricingRefreshResultSchema,
  'pricing show': pricingShowResultSchema,
} as const;

export type ResultCommand = keyof typeof RESULT_SCHEMAS;
export type ResultOf<C extends ResultCommand> = z.infer<ReturnType<(typeof RESULT_SCHEMAS)[C]>>;

export const RESULT_COMMANDS = Object.keys(RESULT_SCHEMAS) as ResultCommand[];

export const isResultCommand = (command: string): command is ResultCommand => Object.hasOwn(RESULT_SCHEMAS, command);

/** The schemaVersion this build writes and reads for a command: the literal in its schema. */
export const resultSchemaVersion = (command: ResultCommand): number => RESULT_SCHEMAS[command]().shape.schemaVersion.value;

/** The published file's base name: subcommands joined by a dash ("catalog validate" → "catalog-validate"). */
export const resultSchemaName = (command: ResultCommand): string => command.replaceAll(' ', '-');
