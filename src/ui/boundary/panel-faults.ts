/**
 * A way to make one panel fail on purpose, so the e2e tests (and a curious person at the
 * console) can see each error boundary catch: `__faultlineBreakPanel('inspector')` makes that
 * panel's next render throw, once. Nothing in the app calls it.
 */
import { useSyncExternalStore } from 'react';

const broken = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

export function breakPanel(name: string): void {
  broken.add(name);
  version++;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Throws during render when `name` was broken on purpose (one throw per call of breakPanel). */
export function usePanelFault(name: string): void {
  useSyncExternalStore(subscribe, () => version);
  if (broken.delete(name)) throw new Error(`${name} was broken on purpose (__faultlineBreakPanel)`);
}

if (typeof window !== 'undefined') Object.assign(window, { __faultlineBreakPanel: breakPanel });
