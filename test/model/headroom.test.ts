/** The headroom search's ends (src/model/headroom.ts), on ../fixture-catalog.ts. */
import { describe, expect, it } from 'vitest';
import { headroom, HEADROOM_SEARCH_LIMIT } from '../../src/model/headroom.js';
import { catalog, monitoring, phase, thresholds } from './fixture-catalog.js';

describe('headroom', () => {
  it('stops at the search limit, a billion users, when nothing the phase runs ever fails', () => {
    // Only a monitoring line: no tier to saturate, and the latency is the network overhead alone.
    const unlimited = { ...phase, components: [monitoring] };
    expect(headroom(catalog, unlimited, 5000, thresholds)).toEqual({
      maxUsers: HEADROOM_SEARCH_LIMIT,
      headroomUsers: 1_000_000_000 - 5000,
      headroomPercent: (1_000_000_000 / 5000 - 1) * 100, // 19,999,900 %
      limitedBy: [],
      unbounded: true,
    });
    expect(HEADROOM_SEARCH_LIMIT).toBe(1e9);
  });

  it('has no percentage at 0 users', () => {
    expect(headroom(catalog, { ...phase, components: [monitoring] }, 0, thresholds).headroomPercent).toBeNull();
  });
});
