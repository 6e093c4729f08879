/** The `calibration` section a result carries when the run was calibrated from measurements (src/model/calibrate-result.ts). */
import * as z from 'zod';
import type { CalibrationResult } from '../model/calibrate-result.js';
import { count, int, lazy, nullableNum, num, text } from './common.js';
import type { Assert, SameShape } from './same-shape.js';

export const calibrationSchema = lazy(() =>
  z
    .strictObject({
      source: text('Where the observations came from: the file given to --metrics, or cloudwatch'),
      window: z
        .strictObject({
          start: text('Start of the window, ISO 8601'),
          end: text('End of the window, ISO 8601'),
          periodSeconds: int('Length of each period, seconds'),
          days: num('Length of the window, days'),
        })
        .describe('The time measured: every calibrated value says it in its note'),
      users: int('Monthly active users measured'),
      usersFrom: z.enum(['observations', 'run']).describe("observations: the file's users; run: the run's --users, as the file gives none"),
      phase: int('The phase the measured system runs'),
      requests: z
        .strictObject({
          total: num('Requests counted in the window'),
          averagePerS: num('Mean requests per second over the periods measured'),
          peakPerS: num('Requests per second in the busiest period: the design peak for the run'),
          peakAt: text('Start of the busiest period, ISO 8601'),
          periods: count('Periods with a request count'),
        })
        .describe('The request count'),
      designPeak: z
        .strictObject({
          concurrentUsers: num('Concurrent users at the measured peak, at the measured users'),
          perUser: num('The same per monthly user: every phase is sized at this share for the run'),
        })
        .describe('The measured peak as the design peak'),
      dailyProfile: z.array(num('Load in the hour (UTC) as a share of the busiest')).nullable().describe('The measured 24-hour profile; null when the periods cannot give one'),
      assumptions: z
        .array(z.strictObject({ name: text('Workload assumption'), value: num('The measured value (6 significant digits)'), previous: num("What the catalog had") }))
        .describe('Assumptions set from the measurements; the run lists them with source measured'),
      tiers: z
        .array(
          z.strictObject({
            tier: text('app, db or cache'),
            component: text('The catalog component measured'),
            method: z.enum(['regression', 'utilisation-law']).describe('regression: busy = B + X·S fitted over the periods; utilisation-law: S = busy / X (an upper bound)'),
            utilizationPercent: num('Mean CPU utilisation over the instances measured, percent'),
            busyVcpus: num('Mean vCPUs busy'),
            backgroundVcpus: num('vCPUs busy with no load (the fit’s intercept; 0 with the plain law)'),
            requestsPerS: num('Mean requests per second over the same periods'),
            demandS: num('Service demand: vCPU-seconds per request'),
            periods: count('Periods used'),
          }),
        )
        .describe('Service demand per tier by the utilisation law'),
      skipped: z.array(z.strictObject({ what: text('What was not calibrated'), reason: text('Why') })).describe('What these observations could not calibrate'),
      latency: z
        .strictObject({
          observedP95Ms: num('Mean observed P95 over the busiest periods (≥ 90 % of the peak rate), ms'),
          peakPeriods: count('Periods that mean is over'),
          modelP95Ms: nullableNum("The model's P95 at the measured peak on the measured phase, ms; null when a tier is unstable"),
          errorPercent: nullableNum('(model − observed) / observed × 100'),
          marginPercent: num('Beyond this |error| the finding p95-model-off is raised'),
        })
        .nullable()
        .describe('The model against the system; null without a P95 series'),
    })
    .describe('What the measurements set for this run'),
);

type CalibrationShapeCheck = Assert<SameShape<z.output<ReturnType<typeof calibrationSchema>>, CalibrationResult>>;
