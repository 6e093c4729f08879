/**
 * The one module that touches @aws-sdk/client-cloudwatch (AWS JSON 1.0 with awsQueryCompatible, SigV4 service
 * `monitoring`). Imported dynamically by ./cloudwatch-pull.ts, so only `--metrics cloudwatch` and `metrics pull`
 * load the SDK. Credentials, region and endpoint come from the SDK's default chains (environment, shared
 * files, SSO, instance roles; AWS_ENDPOINT_URL_CLOUDWATCH): nothing here reads, prints or stores a secret.
 */
import { CloudWatchClient, paginateGetMetricData } from '@aws-sdk/client-cloudwatch';
import type { SeriesQuery } from './cloudwatch-queries.js';

/** The SDK's own log lines are not the user's business: failures reach them as errors. */
const SILENT = { debug() {}, info() {}, warn() {}, error() {} };

export interface FetchedSeries {
  id: string;
  /** Epoch ms, as CloudWatch returned them (ascending within a page). */
  timestamps: number[];
  values: number[];
}

export interface MetricRequest {
  queries: readonly SeriesQuery[];
  start: Date;
  end: Date;
  periodSeconds: number;
  region?: string;
  timeoutMs: number;
}

/** Every query's points over the window, following NextToken; points of one id on several pages are joined. */
export async function getMetricData(request: MetricRequest): Promise<FetchedSeries[]> {
  const client = new CloudWatchClient({
    ...(request.region ? { region: request.region } : {}),
    logger: SILENT,
    requestHandler: { connectionTimeout: request.timeoutMs, requestTimeout: request.timeoutMs, throwOnRequestTimeout: true, logger: SILENT },
  });
  const byId = new Map<string, FetchedSeries>(request.queries.map((query) => [query.id, { id: query.id, timestamps: [], values: [] }]));
  try {
    const pages = paginateGetMetricData(
      { client },
      {
        StartTime: request.start,
        EndTime: request.end,
        ScanBy: 'TimestampAscending',
        MetricDataQueries: request.queries.map((query) => ({
          Id: query.id,
          ReturnData: true,
          MetricStat: {
            Metric: {
              Namespace: query.origin.namespace,
              MetricName: query.origin.name,
              Dimensions: Object.entries(query.origin.dimensions).map(([Name, Value]) => ({ Name, Value })),
            },
            Period: request.periodSeconds,
            Stat: query.origin.stat,
          },
        })),
      },
    );
    for await (const page of pages) {
      for (const result of page.MetricDataResults ?? []) {
        const series = result.Id === undefined ? undefined : byId.get(result.Id);
        if (!series) continue;
        if (result.StatusCode === 'Forbidden' || result.StatusCode === 'InternalError') {
          throw new Error(`CloudWatch answered ${result.StatusCode} for ${result.Id}${result.Messages?.[0]?.Value ? `: ${result.Messages[0].Value}` : ''}`);
        }
        (result.Timestamps ?? []).forEach((t, i) => {
          series.timestamps.push(t.getTime());
          series.values.push(result.Values?.[i] ?? Number.NaN);
        });
      }
    }
  } finally {
    client.destroy();
  }
  return [...byId.values()];
}
