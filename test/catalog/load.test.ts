import { describe, expect, it } from 'vitest';
import { invalidCatalogError, loadCatalog } from '../../src/catalog/index.js';
import { UserError } from '../../src/errors.js';
import { loadSnapshotPriceBook } from '../../src/pricing/load-snapshot.js';
import { euBookPath, minimalPath } from './fixtures.js';

const problem = (message: string, severity: 'error' | 'warning' = 'error') => ({ severity, file: 'plan.yaml', line: 3, column: 5, path: 'phases[0]', message });

describe('the error for an invalid catalog', () => {
  it('says "cannot use" for the one problem of reading the file', () => {
    const error = invalidCatalogError({ file: 'plan.yaml', errors: [problem('the file is empty')], warnings: [], stage: 'read' });
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('cannot use catalog plan.yaml: the file is empty');
  });

  it('lists every problem, with counts, for a later stage', () => {
    const one = invalidCatalogError({ file: 'plan.yaml', errors: [problem('bad')], warnings: [], stage: 'schema' });
    expect(one.message).toBe('catalog plan.yaml is invalid (1 error):');
    expect(one.details).toEqual(['plan.yaml:3:5  phases[0]  bad']);
    const more = invalidCatalogError({ file: 'plan.yaml', errors: [problem('a'), problem('b')], warnings: [problem('c', 'warning'), problem('d', 'warning')], stage: 'rules' });
    expect(more.message).toBe('catalog plan.yaml is invalid (2 errors, 2 warnings):');
    expect(invalidCatalogError({ file: 'plan.yaml', errors: [problem('a')], warnings: [problem('c', 'warning')], stage: 'rules' }).message).toBe(
      'catalog plan.yaml is invalid (1 error, 1 warning):',
    );
  });
});

describe('loading a catalog', () => {
  it('checks the same file again against another price book, not from the first load', () => {
    expect(loadCatalog(minimalPath).catalog.name).toBe('Minimal');
    // minimal.yaml names no region (so us-east-1): the eu-central-1 book does not price it.
    expect(() => loadCatalog(minimalPath, loadSnapshotPriceBook(euBookPath))).toThrow(/is invalid \(1 error\)/);
  });
});
