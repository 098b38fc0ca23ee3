import { describe, expect, it } from 'vitest';
import { collapsed, perSec, recoverySeconds } from '../support/outcomes';
import { node, relativeError, runBuiltin } from '../support/run-builtin';

/**
 * S10: clients with a 1 s deadline → frontend (5 s hop timeout) → backend (8 × Exp(100 ms)) at
 * 60/s; the backend's service time doubles during [30, 60).
 */
describe('S10: timeouts without deadline propagation waste work', () => {
  const plain = runBuiltin('deadlines').report;
  const aware = runBuiltin('deadlines-fixed').report;

  it('without propagation goodput falls to 0 during the slowdown and the queue reaches ~550', () => {
    expect(perSec(plain.series.clients.clients.goodput, 35, 60)).toBeLessThan(2);
    expect(relativeError(Math.max(...plain.series.nodes.backend.queueDepth), 550)).toBeLessThan(0.15);
    expect(plain.nodes.backend.wastedShare).toBeGreaterThan(0.3);
  });

  it('…and recovery takes ~20–30 s after the slowdown (±8 s)', () => {
    const seconds = recoverySeconds(plain.series.clients.clients.goodput, 60, 60);
    expect(seconds).toBeGreaterThanOrEqual(12);
    expect(seconds).toBeLessThanOrEqual(38);
  });

  it('with 2 retries and no propagation it never recovers', () => {
    const retried = runBuiltin('deadlines', (doc) => (node(doc, 'clients').retry = { attempts: 3 })).report;
    expect(collapsed(retried.series.clients.clients.goodput, 60)).toBe(true);
  });

  it('with propagation goodput holds at the capacity (~40/s ±10%) and recovery is immediate, even with retries', () => {
    expect(relativeError(perSec(aware.series.clients.clients.goodput, 35, 60), 40)).toBeLessThan(0.1);
    expect(recoverySeconds(aware.series.clients.clients.goodput, 60, 60)).toBeLessThanOrEqual(1);
    expect(aware.nodes.backend.wastedShare).toBeLessThan(0.05);
    const retried = runBuiltin('deadlines-fixed', (doc) => (node(doc, 'clients').retry = { attempts: 3 })).report;
    expect(relativeError(perSec(retried.series.clients.clients.goodput, 35, 60), 40)).toBeLessThan(0.1);
    expect(recoverySeconds(retried.series.clients.clients.goodput, 60, 60)).toBeLessThanOrEqual(1);
  });
});
