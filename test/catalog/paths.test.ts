import { describe, expect, it } from 'vitest';
import { closestMatches, didYouMean } from '../../src/pricing/levenshtein.js';
import { defaultCatalogPath, defaultSnapshotPath, displayPath, formatPath } from '../../src/paths.js';

describe('one path formatter for data paths', () => {
  it.each([
    [['phases', 2, 'components', 1, 'count'], 'phases[2].components[1].count'],
    [['prices', 'ec2:t3.medium', 'usd'], 'prices["ec2:t3.medium"].usd'],
    [[], ''],
  ])('%j → %s', (path, text) => expect(formatPath(path)).toBe(text));
});

describe('one name for files in messages', () => {
  it('names the package\'s data relative to it, standard input as <stdin>, other files as given', () => {
    expect(displayPath(defaultCatalogPath)).toBe('data/phases.yaml');
    expect(displayPath(defaultSnapshotPath)).toBe('data/pricing/aws-us-east-1.json');
    expect(displayPath('-')).toBe('<stdin>');
    expect(displayPath('/tmp/my-plan.yaml')).toBe('/tmp/my-plan.yaml');
    expect(displayPath('my-plan.yaml')).toBe('my-plan.yaml');
  });
});

describe('one "did you mean"', () => {
  it('offers up to three names within a third of the length (at least 2 edits), nearest first', () => {
    expect(didYouMean('cuont', ['count', 'cost', 'name'])).toBe(' — did you mean "cost" or "count"?');
    expect(didYouMean('storage_gb', ['storage_gb_per_user'])).toBe(''); // 9 edits: too far to guess
    expect(didYouMean('ab', ['abc', 'abd', 'abe', 'abf'])).toBe(' — did you mean "abc" or "abd" or "abe"?');
  });

  it('ranks the same way for the price book\'s closest keys, without a limit', () => {
    expect(closestMatches('ec2:t3.medum', ['ec2:t3.medium', 'ec2:t3.micro', 'alb:hour'], 2)).toEqual(['ec2:t3.medium', 'ec2:t3.micro']);
  });
});
