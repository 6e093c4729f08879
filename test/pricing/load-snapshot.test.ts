import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidPriceSnapshotError, loadSnapshotPriceBook } from '../../src/pricing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'cuenta-plan-pricing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSnapshotPriceBook', () => {
  it('loads the bundled snapshot by default', () => {
    const book = loadSnapshotPriceBook();
    expect(book.meta.origin).toMatch(/data[\\/]pricing[\\/]aws-us-east-1\.json$/);
    expect(book.meta.retrieved).toBe('2026-11-29');
    expect(book.description).toMatch(/118 of \d+ prices verified/);
  });

  it('names the file when it is missing', () => {
    const file = join(dir, 'missing.json');
    expect(() => loadSnapshotPriceBook(file)).toThrow(InvalidPriceSnapshotError);
    expect(() => loadSnapshotPriceBook(file)).toThrow(`${file}: cannot read the price snapshot`);
  });

  it('names the file when it is not JSON', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "schemaVersion": 1, ');
    expect(() => loadSnapshotPriceBook(file)).toThrow(`${file}: the price snapshot is not valid JSON`);
  });

  it('names the file and the field when it is not a snapshot', () => {
    const file = join(dir, 'wrong.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 2 }));
    expect(() => loadSnapshotPriceBook(file)).toThrow(new RegExp(`${file.replaceAll('\\', '\\\\')}: invalid price snapshot: schemaVersion`));
  });
});
