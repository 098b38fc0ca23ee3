// The smallest graph with a node, a link and a node behind it: a client calling a service. The
// canvas-layer tests (guide highlight, weak-points tint) build React Flow elements from it.
import type { ScenarioDocument } from '../../src/store/graph-store.ts';

export const twoNodeDocument = {
  format: 'faultline.scenario/v1',
  name: 'Two',
  duration: '1m',
  nodes: [{ id: 'users', kind: 'client', rate: 1, target: 'api' }, { id: 'api', kind: 'service' }],
  links: [{ id: 'users-api', from: 'users', to: 'api' }],
} as unknown as ScenarioDocument;
