// The live layout of the smallest running graph — a client `users` calling a service `api` over
// one link — for painter tests that fill a live Float64Array by field name.
import { LIVE_HEADER, LIVE_LINK_FIELDS, LIVE_NODE_FIELDS, type LiveLayout } from '../../src/engine/index.ts';

export const usersApiLayout: LiveLayout = {
  keyNames: [],
  nodeIds: ['users', 'api'],
  nodeKinds: ['client', 'service'],
  linkIds: ['users-api'],
  nodeFields: LIVE_NODE_FIELDS,
  linkFields: LIVE_LINK_FIELDS,
  length: LIVE_HEADER + 2 * LIVE_NODE_FIELDS.length + LIVE_LINK_FIELDS.length,
};
