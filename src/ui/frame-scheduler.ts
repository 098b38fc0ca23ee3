/**
 * The one per-frame scheduler (STYLE.md, after excalidraw's throttleRAF): painters and charts
 * register here instead of calling requestAnimationFrame themselves, so a frame runs each of them
 * once, and tests swap the frame source for one they drive by hand.
 */
export interface FrameSource {
  request(run: (timeMs: number) => void): void;
}

const animationFrames: FrameSource = {
  request: (run) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : setTimeout(() => run(performance.now()), 16)),
};

let source: FrameSource = animationFrames;
const callbacks = new Set<(timeMs: number) => void>();
let requested = false;

function runFrame(timeMs: number): void {
  requested = false;
  for (const callback of [...callbacks]) {
    try {
      callback(timeMs);
    } catch (error) {
      console.error(error); // one broken painter must not stop the others
    }
  }
  requestFrame();
}

function requestFrame(): void {
  if (requested || callbacks.size === 0) return;
  requested = true;
  source.request(runFrame);
}

export const frameScheduler = {
  /** Runs `callback` once per frame until the returned function is called. */
  onFrame(callback: (timeMs: number) => void): () => void {
    callbacks.add(callback);
    requestFrame();
    return () => {
      callbacks.delete(callback);
    };
  },
};

/** Replaces the frame source (null restores requestAnimationFrame). */
export function setFrameSource(next: FrameSource | null): void {
  source = next ?? animationFrames;
  requested = false;
  requestFrame();
}

/** A frame source for tests: frames run only when `frame(timeMs)` is called. */
export function manualFrameSource(): FrameSource & { frame(timeMs: number): void } {
  let pending: ((timeMs: number) => void) | null = null;
  return {
    request(run) {
      pending = run;
    },
    frame(timeMs) {
      const run = pending;
      pending = null;
      run?.(timeMs);
    },
  };
}
