import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidPriceSnapshotError, loadSnapshotPriceBook, snapshotPriceBook } from '../../src/pricing/index.js';
import { snapshotPath } from './verified-table.js';

const bundled = JSON.parse(readFileSync(snapshotPath, 'utf8')) as { units: unknown; prices: Record<string, Record<string, unknown>> };

function snapshot(entry: Record<string, unknown>): unknown {
  return {
    schemaVersion: 1,
    region: 'us-east-1',
    currency: 'USD',
    retrieved: '2026-11-29',
    hoursPerMonth: 730,
    keyScheme: { summary: 'service:item', rules: [] },
    units: bundled.units,
    prices: { 'cloudfront:us:gb': { usd: 0.085, unit: 'gb', description: 'CloudFront out', verified: false, source: 'x', ...entry } },
  };
}

const details = (json: unknown): string => {
  try {
    snapshotPriceBook(json, 'free.json');
  } catch (error) {
    if (error instanceof InvalidPriceSnapshotError) return error.details.join('\n');
    throw error;
  }
  return '';
};

describe('free allowances in a price snapshot', () => {
  it('carries freeQuantity and its source into the quote', () => {
    const book = snapshotPriceBook(snapshot({ freeQuantity: 1024, freeSource: 'aws.amazon.com/cloudfront/pricing' }));
    expect(book.price('cloudfront:us:gb')).toMatchObject({ freeQuantity: 1024, freeSource: 'aws.amazon.com/cloudfront/pricing' });
  });

  it('refuses an allowance without its source, a source without an allowance, and a non-positive allowance', () => {
    expect(details(snapshot({ freeQuantity: 1024 }))).toContain('prices["cloudfront:us:gb"].freeSource: a free allowance (freeQuantity) and its source (freeSource) go together');
    expect(details(snapshot({ freeSource: 'x' }))).toContain('freeSource');
    expect(details(snapshot({ freeQuantity: 0, freeSource: 'x' }))).toContain('freeQuantity');
    expect(details(snapshot({ freeQuantity: -5, freeSource: 'x' }))).toContain('freeQuantity');
  });

  it('holds the always-free allowances the bundled catalog meets, each with a published source', () => {
    // The published figures (AWS pricing pages, read 2026-11-29): CloudFront 1 TB out and 10 M requests, Lambda 1 M
    // requests and 400,000 GB-s, SQS and SNS 1 M requests, CloudWatch 10 metrics, 10 alarms, 5 GB of logs ingested
    // and 5 GB stored, 3 dashboards, X-Ray 100,000 traces, DynamoDB 25 GB, 100 GB of transfer out.
    const book = loadSnapshotPriceBook();
    const free = Object.fromEntries(book.keys().flatMap((key) => (book.price(key).freeQuantity === undefined ? [] : [[key, book.price(key).freeQuantity]])));
    expect(free).toEqual({
      'cloudfront:us:gb': 1024,
      'cloudfront:us:https-requests': 10,
      'cloudwatch:alarm-month': 10,
      'cloudwatch:dashboard-month': 3,
      'cloudwatch:logs-ingested:gb': 5,
      'cloudwatch:logs-insights-scanned:gb': 5,
      'cloudwatch:logs-stored:gb-month': 5,
      'cloudwatch:metric-month': 10,
      'dynamodb:storage:gb-month': 25,
      'lambda:gb-second': 400000,
      'lambda:requests': 1,
      'sns:publish:million': 1,
      'sqs:standard:million': 1,
      'transfer:out:gb': 100,
      'xray:traces-recorded:million': 0.1,
    });
    for (const key of Object.keys(free)) expect(book.price(key).freeSource, key).toMatch(/^https:\/\/aws\.amazon\.com\/.+ \(read 2026-11-29\)/);
  });

  it('leaves 12-month introductory offers out: a plan is priced as a running account', () => {
    const book = loadSnapshotPriceBook();
    for (const key of ['apigw:http:million', 's3:standard:gb-month', 'ec2:t3.micro', 'rds:db.t3.micro:postgresql:single-az']) {
      expect(book.price(key).freeQuantity, key).toBeUndefined();
    }
  });
});
