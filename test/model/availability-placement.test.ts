/**
 * How a component rides out the loss of a copy (src/model/availability-placement.ts): a declared `recovery`
 * wins over the one read from its shape, and only a lone instance we run ourselves, without autoscaling or a
 * managed database, waits for a person.
 */
import { describe, expect, it } from 'vitest';
import { placeComponent } from '../../src/model/availability-placement.js';
import { component } from './availability-fixture.js';

const recovery = (c: ReturnType<typeof component>, copies = 1) => {
  const { recovery: how, failover, automatic } = placeComponent(c, copies, 'r1');
  return { how, failover, automatic };
};
const database = { readers: 1, failover: 'automatic' as const };

describe('placeComponent: a declared recovery', () => {
  it('standby fails over as a database when it is one, else as a cache', () => {
    expect(recovery(component('db', { kind: 'database', database, placement: { zones: 1, recovery: 'standby' } }), 2)).toEqual({ how: 'standby', failover: 'database', automatic: true });
    expect(recovery(component('cache', { kind: 'cache', placement: { zones: 1, recovery: 'standby' } }), 2)).toEqual({ how: 'standby', failover: 'cache', automatic: true });
  });

  it('single waits for a person only on a lone fixed instance of our own', () => {
    expect(recovery(component('vps', { placement: { zones: 1, recovery: 'single' } }))).toEqual({ how: 'single', failover: null, automatic: false });
    expect(recovery(component('asg', { autoscaled: true, placement: { zones: 1, recovery: 'single' } }))).toEqual({ how: 'single', failover: null, automatic: true });
    expect(recovery(component('db', { kind: 'database', database, placement: { zones: 1, recovery: 'single' } }))).toEqual({ how: 'single', failover: null, automatic: true });
    expect(recovery(component('fn', { self: false, placement: { zones: 1, recovery: 'single' } }))).toEqual({ how: 'single', failover: null, automatic: true });
  });

  it('pool and managed have no failover and need no person', () => {
    expect(recovery(component('app', { placement: { zones: 1, recovery: 'pool' } }), 2)).toEqual({ how: 'pool', failover: null, automatic: true });
    expect(recovery(component('cdn', { self: false, placement: { zones: 1, recovery: 'managed' } }))).toEqual({ how: 'managed', failover: null, automatic: true });
  });
});

describe('placeComponent: recovery read from the shape', () => {
  it('a database with a reader and automatic failover is a standby; without, the provider recreates it', () => {
    expect(recovery(component('db', { kind: 'database', database }), 2)).toEqual({ how: 'standby', failover: 'database', automatic: true });
    expect(recovery(component('db', { kind: 'database', database: { readers: 0, failover: 'automatic' } }))).toEqual({ how: 'single', failover: null, automatic: true });
  });

  it('a service without an instance is managed; two cache copies a standby; two copies a pool; one a single', () => {
    expect(recovery(component('cdn', { self: false }))).toEqual({ how: 'managed', failover: null, automatic: true });
    expect(recovery(component('cache', { kind: 'cache' }), 2)).toEqual({ how: 'standby', failover: 'cache', automatic: true });
    expect(recovery(component('app'), 2)).toEqual({ how: 'pool', failover: null, automatic: true });
    expect(recovery(component('vps'))).toEqual({ how: 'single', failover: null, automatic: false });
  });

  it('places it in one zone of the default region unless the catalog says otherwise', () => {
    expect(placeComponent(component('app'), 2, 'r1')).toMatchObject({ copies: 2, zones: 1, regions: ['r1'] });
    expect(placeComponent(component('app', { placement: { zones: 2, regions: ['r2', 'r3'] } }), 4, 'r1')).toMatchObject({ zones: 2, regions: ['r2', 'r3'] });
  });
});
