/**
 * A way to make one panel fail on purpose, so the e2e tests (and a curious person at the
 * console) can see each error boundary catch: `__faultlineBreakPanel('inspector')` makes that
 * panel's renders throw until its boundary has caught it (React renders a failed tree twice
 * before it gives up, so a fault that threw once would be "recovered" by the retry). Nothing in
 * the app calls it.
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

/** Throws during render while `name` is broken on purpose. */
export function usePanelFault(name: string): void {
  useSyncExternalStore(subscribe, () => version);
  if (broken.has(name)) throw new Error(`${name} was broken on purpose (__faultlineBreakPanel)`);
}

/** The boundary caught it: Try again renders the panel whole. */
export function clearPanelFault(name: string): void {
  broken.delete(name);
}

if (typeof window !== 'undefined') Object.assign(window, { __faultlineBreakPanel: breakPanel });
