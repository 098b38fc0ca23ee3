/**
 * A valid scenario that runs away: 100 users with no think time against a service with no
 * service time over a link with no latency, so every event lands at t = 0. The watchdog must stop
 * it, in the worker (tests/contract) and in the browser (tests/e2e/hostile).
 */
export const ZERO_DELAY_STORM = {
  format: 'faultline.scenario/v1',
  name: 'zero-delay storm',
  seed: 1,
  duration: '10s',
  nodes: [
    { id: 'users', kind: 'client', users: 100, think: 0, target: 'api' },
    { id: 'api', kind: 'service', workers: 1000, serviceTime: 0 },
  ],
  links: [{ id: 'users-api', from: 'users', to: 'api', latency: 0 }],
};
