import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, validateCatalogText, type CatalogValidation } from '../../src/catalog/index.js';
import { loadSnapshotPriceBook } from '../../src/pricing/load-snapshot.js';
import { applyEdits, euBookPath } from './fixtures.js';

// The revenue section's cross-field rules (src/catalog/rules/sections.ts), on the B2B example in the general form.
const seatsPath = fileURLToPath(new URL('../../examples/catalogs/invoicing-seats.yaml', import.meta.url));
const seats = readFileSync(seatsPath, 'utf8');
const book = loadSnapshotPriceBook(euBookPath);
const validate = (...edits: Array<{ find: string; replace: string }>) => validateCatalogText(applyEdits(seats, edits), 'seats.yaml', { book });
const errors = (v: CatalogValidation) => v.errors.map(formatProblem);

describe('revenue rules', () => {
  it('accepts the B2B example: three plans, per seat and per firm', () => {
    const v = validate();
    expect(errors(v)).toEqual([]);
    expect(v.catalog?.revenue?.plans?.map((p) => `${p.id}:${p.per}`)).toEqual(['starter:user', 'business:user', 'enterprise:group']);
  });

  it('refuses plan shares that add up to more than 1, and accepts exactly 1', () => {
    // 0.3 + 0.4 + 0.4 = 1.1 > 1
    const over = validate({ find: 'user_share: { value: 0.1,', replace: 'user_share: { value: 0.4,' });
    expect(errors(over)).toEqual([expect.stringMatching(/revenue\.plans +the plans' user_share add up to 1\.1, above 1/)]);
    // 0.3 + 0.4 + 0.3 = 1: every user pays
    expect(errors(validate({ find: 'user_share: { value: 0.1,', replace: 'user_share: { value: 0.3,' }))).toEqual([]);
  });

  it('needs exactly one way to give a plan its price', () => {
    const both = validate({ find: '      usd_per_month: { value: 990,', replace: '      price_schedule: [{ from_users: 0, usd_per_month: 1 }]\n      usd_per_month: { value: 990,' });
    expect(errors(both)).toEqual([expect.stringMatching(/revenue\.plans\[2\] +plan "enterprise" needs exactly one of usd_per_month/)]);
  });

  it('needs users_per_group where a group pays', () => {
    const v = validate({ find: '      users_per_group: { value: 100, source: assumption, note: "seats per enterprise firm" }\n', replace: '' });
    expect(errors(v)).toEqual([expect.stringMatching(/revenue\.plans\[2\]\.users_per_group +plan "enterprise" is priced per group: give users_per_group/)]);
  });

  it('refuses a schedule out of order and one that does not start at 0', () => {
    const v = validate({ find: '{ from_users: 2001,', replace: '{ from_users: 0,' });
    expect(errors(v)).toEqual([expect.stringMatching(/price_schedule\[1\]\.from_users +price steps must be in ascending from_users order \(0 after 0\)/)]);
    const late = validate({ find: '{ from_users: 0, usd_per_month: { value: 18,', replace: '{ from_users: 5, usd_per_month: { value: 18,' });
    expect(errors(late)).toEqual([expect.stringMatching(/price_schedule\[0\]\.from_users +the first price must start at from_users: 0/)]);
  });

  it('refuses both forms at once, and neither', () => {
    const both = validate({ find: 'revenue:\n  plans:', replace: 'revenue:\n  free_share: 0.5\n  plans:' });
    expect(errors(both)).toEqual([expect.stringMatching(/revenue\.free_share +give either plans or the free_share\/premium\/enterprise form, not both/)]);
    const neither = validateCatalogText(seats.replace(/revenue:\n  plans:[\s\S]*?\n  fees:/, 'revenue:\n  fees:'), 'seats.yaml', { book });
    expect(errors(neither)).toEqual([expect.stringMatching(/revenue +revenue needs free_share and premium \(the freemium form\), or plans/)]);
    // Half of the freemium form is not the form either.
    const half = validateCatalogText(seats.replace(/revenue:\n  plans:[\s\S]*?\n  fees:/, 'revenue:\n  free_share: 0.7\n  fees:'), 'seats.yaml', { book });
    expect(errors(half)).toEqual([expect.stringMatching(/revenue +revenue needs free_share and premium \(the freemium form\), or plans/)]);
  });

  it("checks the freemium form's premium schedule at its own path", () => {
    const freemium = 'revenue:\n  free_share: 0.7\n  premium:\n    price_schedule:\n      - { from_users: 0, usd_per_month: 5 }\n      - { from_users: 0, usd_per_month: 4 }\n  fees:';
    const v = validateCatalogText(seats.replace(/revenue:\n  plans:[\s\S]*?\n  fees:/, freemium), 'seats.yaml', { book });
    expect(errors(v)).toEqual([expect.stringMatching(/revenue\.premium\.price_schedule\[1\]\.from_users +price steps must be in ascending from_users order \(0 after 0\)/)]);
  });

  it('refuses a duplicate plan id', () => {
    const v = validate({ find: '- id: business', replace: '- id: starter' });
    expect(errors(v)).toEqual([expect.stringMatching(/revenue\.plans\[1\]\.id +plan id "starter" is used twice \(first at index 0\); ids must be unique$/)]);
  });
});
