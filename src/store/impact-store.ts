/**
 * The canvas tint of a weak-points analysis (src/ui/weak-points): each tried node's and link's
 * impact band, drawn as a class on its element (flow-elements.ts), never as React Flow node data.
 * Edit rate: set once per finished analysis, cleared by the panel or a new analysis.
 */
import { create } from 'zustand';
import type { ImpactBand } from '../experiments/weak-points.ts';

export interface ImpactState {
  /** Component id → band; empty when nothing is tinted. */
  bands: ReadonlyMap<string, ImpactBand>;
}

const NONE: ReadonlyMap<string, ImpactBand> = new Map();

export const useImpactStore = create<ImpactState>(() => ({ bands: NONE }));

export const impactActions = {
  show(bands: Iterable<[string, ImpactBand]>): void {
    useImpactStore.setState({ bands: new Map(bands) });
  },
  clear(): void {
    if (useImpactStore.getState().bands.size > 0) useImpactStore.setState({ bands: NONE });
  },
};
