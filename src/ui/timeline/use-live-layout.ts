/** The run's layout (node ids and kinds, link ids) from the live store; re-renders only when it changes. */
import { useSyncExternalStore } from 'react';
import type { LiveLayout } from '../../engine/index.ts';
import { liveMetrics } from '../../store/live-metrics.ts';

const layoutOf = (): LiveLayout | null => liveMetrics.get().layout;

export function useLiveLayout(): LiveLayout | null {
  return useSyncExternalStore(liveMetrics.subscribe, layoutOf, layoutOf);
}

/** 'link', a node's kind, or null when the id is not in the running scenario. */
export function kindOf(layout: LiveLayout | null, id: string): string | null {
  if (layout === null) return null;
  const node = layout.nodeIds.indexOf(id);
  if (node >= 0) return layout.nodeKinds[node];
  return layout.linkIds.includes(id) ? 'link' : null;
}
