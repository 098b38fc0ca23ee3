/**
 * Memoises a node component on what it draws: its id, its document data and whether it is
 * selected. React Flow also passes the position, which changes at every step of a drag; the card
 * does not draw it, so a drag re-renders nothing but React Flow's own wrapper.
 */
import { memo, type ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../canvas-types.ts';

type Props = NodeProps<CanvasNode>;

export function memoNode(component: ComponentType<Props>): ComponentType<Props> {
  return memo(component, (a, b) => a.id === b.id && a.data === b.data && a.selected === b.selected);
}
