/**
 * Where the canvas painters get live numbers and frames: the vanilla live-metrics store and the
 * one frame scheduler (DESIGN.md §5). The shapes below are the contract with src/store and
 * src/ui/frame-scheduler.ts; the painters take them as arguments so tests can pass fakes.
 */
import type { LiveLayout } from '../../../engine/index.ts';

export interface LiveSnapshot {
  layout: LiveLayout | null;
  values: Float64Array | null;
  /** Bumped whenever layout or values change. */
  version: number;
}

export interface LiveSource {
  get(): LiveSnapshot;
  subscribe(listener: () => void): () => void;
}

export interface FrameSource {
  onFrame(callback: (nowMs: number) => void): () => void;
}
