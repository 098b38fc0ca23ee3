/**
 * Links: the network between two nodes. Requests travel from → to, responses to → from; `back`
 * overrides any of latency, capacity, buffer, loss for the response direction.
 */
import type { LinkDirectionSpec, LinkSpec } from '../engine/index.ts';
import { fields, leaf, reject } from './fields.ts';
import { durationField } from './durations.ts';
import { distributionField } from './distributions.ts';
import { booleanField, choiceField, countOrNullField, idField, nodeRefField, numberField, probabilityField } from './values.ts';
import { quote } from './errors.ts';

/** Messages per second, or null (→ Infinity) for no transmission limit. */
function capacityField() {
  return leaf({
    expected: 'a number of messages per second > 0, or null for unlimited',
    json: {
      anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }],
      description: 'Messages per second; null = unlimited (and then no buffer). Default null.',
    },
    read: (value) => (value === null ? Infinity : typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : reject()),
  });
}

const directionShape = {
  latency: distributionField('One-way delay. Default 0.'),
  capacity: capacityField(),
  buffer: countOrNullField('Messages that may wait to be sent before drop-tail; null = unbounded. Default null.'),
  loss: probabilityField('Probability a message is lost. Default 0.'),
};

const backSchema = fields({
  latency: directionShape.latency.optional(),
  capacity: directionShape.capacity.optional(),
  buffer: directionShape.buffer.optional(),
  loss: directionShape.loss.optional(),
}).meta({ description: 'Response direction (to → from), where it differs from the request direction.' });

export const ROUTINGS = ['failover', 'spread'] as const;

export const linkSchema = fields({
  id: idField(),
  from: nodeRefField('The node that sends requests over this link.'),
  to: nodeRefField('The node that receives them (never a client).'),
  latency: directionShape.latency.prefault(0),
  capacity: directionShape.capacity.prefault(null),
  buffer: directionShape.buffer.prefault(null),
  loss: directionShape.loss.prefault(0),
  priority: numberField({ description: 'failover: the lowest number that is up wins. Default 0.' }).prefault(0),
  weight: numberField({ min: 0, minExclusive: true, description: 'spread: relative share. Default 1.' }).prefault(1),
  routing: choiceField(ROUTINGS, 'How a sender picks among parallel links to the same node. Default "failover".').prefault('failover'),
  detectAfter: durationField({ description: 'How long after this link goes down (or up) its senders notice. Default 0.' }).prefault(0),
  up: booleanField('Whether the link starts up. Default true.').prefault(true),
  back: backSchema.optional(),
}).transform((link, ctx): LinkSpec => {
  if (link.from === link.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `expected a node other than "from" (${quote(link.from)}); a link joins two different nodes` });
  }
  const forward: LinkDirectionSpec = { latency: link.latency, capacityPerSec: link.capacity, buffer: link.buffer, loss: link.loss };
  const back = link.back ?? {};
  return {
    id: link.id,
    from: link.from,
    to: link.to,
    forward,
    back: {
      latency: back.latency ?? { ...forward.latency },
      capacityPerSec: back.capacity ?? forward.capacityPerSec,
      buffer: back.buffer ?? forward.buffer,
      loss: back.loss ?? forward.loss,
    },
    routing: link.routing,
    priority: link.priority,
    weight: link.weight,
    detectAfterMs: link.detectAfter,
    up: link.up,
  };
});
