/**
 * Presenter mode: large type, editor chrome hidden (app.css, `.fl-app--present`). On by `?present`,
 * the toolbar's toggle; off by Escape or the "Leave presenter mode" button.
 */
import { create } from 'zustand';

function presentByUrl(): boolean {
  try {
    return typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('present');
  } catch {
    return false;
  }
}

export const usePresenterStore = create<{ presenting: boolean }>(() => ({ presenting: presentByUrl() }));

export const presenterActions = {
  toggle(): void {
    usePresenterStore.setState((s) => ({ presenting: !s.presenting }));
  },
  leave(): void {
    usePresenterStore.setState({ presenting: false });
  },
};
