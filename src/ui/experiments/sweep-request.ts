/**
 * "Sweep this…" in the inspector → the Experiments dialog, which loads lazily: the request waits
 * here until the panel takes it (at once if it is mounted, else when it mounts). Tiny and
 * framework-free, so the inspector does not pull the panel's chunk into the editor's first load.
 */
let pendingPath: string | null = null;
const listeners = new Set<() => void>();

/** Asks the Experiments panel to sweep `path` (`nodes[api].workers`) of the scenario on the canvas. */
export function requestSweep(path: string): void {
  pendingPath = path;
  for (const listener of [...listeners]) listener();
}

/** The path last asked for and not yet taken, left in place: a render may read it (React can throw
 * away a render that suspended and run it again, so only a committed panel takes it). */
export function peekSweepRequest(): string | null {
  return pendingPath;
}

/** The path last asked for and not yet taken, once: the panel takes it. */
export function takeSweepRequest(): string | null {
  const path = pendingPath;
  pendingPath = null;
  return path;
}

/** Called on every request (the dialog opens; a mounted panel takes the path). */
export function subscribeSweepRequests(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
