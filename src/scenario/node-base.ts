/** Fields every node kind has: id, kind, label, position. */
import { z } from './zod.ts';
import { fields } from './fields.ts';
import { idField, numberField, textField } from './values.ts';
import { SCENARIO_LIMITS } from './limits.ts';

/** Editor layout: accepted and kept out of the engine's spec. */
const positionSchema = fields({ x: numberField(), y: numberField() });

export function nodeBaseShape<const K extends string>(kind: K) {
  return {
    id: idField(),
    kind: z.literal(kind),
    label: textField({
      maxLength: SCENARIO_LIMITS.maxLabelLength,
      what: 'a label',
      description: 'Shown on the canvas. Default: the id.',
    }).optional(),
    position: positionSchema.optional(),
  };
}
