/**
 * Whether the editor shows its minimap: the person's choice (View menu), remembered in this
 * browser; shown by default on a wide screen, hidden on a phone (on a 390 px canvas it would
 * cover a third of the graph and cost the fit its room). Presenter mode never shows it — a room
 * watches the graph itself.
 */
import { create } from 'zustand';

const STORAGE_KEY = 'faultline.minimap';

/** Below this viewport width the minimap starts hidden (the person can still show it). */
const NARROW_SCREEN_PX = 600;

function shownByDefault(): boolean {
  return typeof window === 'undefined' || typeof window.innerWidth !== 'number' || window.innerWidth > NARROW_SCREEN_PX;
}

function remembered(): boolean {
  try {
    const choice = localStorage.getItem(STORAGE_KEY);
    return choice === null ? shownByDefault() : choice !== 'hidden';
  } catch {
    return shownByDefault(); // storage blocked: the default
  }
}

export const useMinimapStore = create<{ shown: boolean }>(() => ({ shown: typeof localStorage === 'undefined' ? true : remembered() }));

export function toggleMinimap(): void {
  const shown = !useMinimapStore.getState().shown;
  useMinimapStore.setState({ shown });
  try {
    localStorage.setItem(STORAGE_KEY, shown ? 'shown' : 'hidden');
  } catch {
    // not remembered: the choice still holds for this page
  }
}

/**
 * Fit-view padding that keeps every node clear of what floats over the canvas: the zoom buttons
 * (bottom left, ~60 px tall) and, when shown, the minimap (bottom right, 100 px + margins).
 */
export function fitPadding(minimapShown: boolean) {
  return { top: '24px', left: '24px', right: '24px', bottom: minimapShown ? '124px' : '72px' } as const;
}
