/**
 * Which way the canvas's links run (auto-layout.ts FlowDirection): left to right, where the
 * editor always stays, or top to bottom, which an embed in a portrait frame may choose
 * (src/store/graph/frame-layout.ts). Cards put their handles by it — in on the left and out on
 * the right, or in on top and out at the bottom — so links leave and enter where the layout
 * expects the next card to be. Set only together with the positions it matches.
 */
import { Position } from '@xyflow/react';
import { create } from 'zustand';
import type { FlowDirection } from '../../store/graph/auto-layout.ts';

export const useFlowDirection = create<{ direction: FlowDirection; layoutKey: string }>(() => ({ direction: 'across', layoutKey: 'across' }));

/** `layoutKey`: which of the frame's layouts is shown (frame-layout.ts FrameLayout.key): a new one is fitted again. */
export function setFlowDirection(direction: FlowDirection, layoutKey: string = direction): void {
  const now = useFlowDirection.getState();
  if (now.direction !== direction || now.layoutKey !== layoutKey) useFlowDirection.setState({ direction, layoutKey });
}

/** Where a card's incoming (target) and outgoing (source) handles sit. */
export function handleSides(direction: FlowDirection): { target: Position; source: Position } {
  return direction === 'down' ? { target: Position.Top, source: Position.Bottom } : { target: Position.Left, source: Position.Right };
}
