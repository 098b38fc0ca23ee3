/**
 * Where the guide lives in the layout, and presenter mode's keyboard exit. The panel itself (and
 * marked, DOMPurify) loads only when the guide first opens.
 */
import { lazy, Suspense, useEffect } from 'react';
import { getDocument } from '../../store/graph-store.ts';
import { PanelBoundary } from '../boundary/PanelBoundary.tsx';
import { canvasView } from '../canvas/canvas-view.ts';
import { guideActions, useGuideStore } from './guide-store.ts';
import { presenterActions, usePresenterStore } from './presenter-store.ts';

const GuidePanel = lazy(() => import('./GuidePanel.tsx').then((m) => ({ default: m.GuidePanel })));

/** The app's mode classes: `fl-app--guide` while the guide shows, `fl-app--present` in presenter mode. */
export function useAppModeClass(): string {
  const guide = useGuideStore((s) => s.open);
  const presenting = usePresenterStore((s) => s.presenting);
  // The root's large type (app.css) follows a class on <html>, not `html:has(.fl-app--present)`:
  // with :has() every node added anywhere made Chromium restyle the root (5 ms a frame at 1,000 nodes).
  useEffect(() => {
    document.documentElement.classList.toggle(PRESENT_ROOT_CLASS, presenting);
    return () => document.documentElement.classList.remove(PRESENT_ROOT_CLASS);
  }, [presenting]);
  return `${guide ? ' fl-app--guide' : ''}${presenting ? ' fl-app--present' : ''}`;
}

/** On <html> in presenter mode (app.css sets the root's font size by it). */
export const PRESENT_ROOT_CLASS = 'fl-root--present';

export function GuideMount() {
  const open = useGuideStore((s) => s.open);
  const presenting = usePresenterStore((s) => s.presenting);
  useEffect(() => {
    // `?present` on a scenario with a guide: show it, as the toolbar's Present does
    const guide = getDocument().guide;
    if (usePresenterStore.getState().presenting && Array.isArray(guide) && guide.length > 0) guideActions.show();
  }, []);
  useEffect(() => {
    // the canvas changed size with the layout: fit the graph again once the grid has settled
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(canvasView.fitView)));
    return () => cancelAnimationFrame(frame);
  }, [open, presenting]);
  useEffect(() => {
    if (!presenting) return;
    const onKey = (event: KeyboardEvent) => {
      // an open dialog handles its own Escape; the canvas's Escape (clear the selection) may run too
      if (event.key === 'Escape' && !window.document.querySelector('dialog[open]')) presenterActions.leave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting]);
  return (
    <>
      {presenting && (
        <button type="button" className="fl-button fl-present-exit" onClick={presenterActions.leave} aria-keyshortcuts="Escape" aria-label="Leave presenter mode" title="Leave presenter mode (Escape)">
          Leave
        </button>
      )}
      {open && (
        <PanelBoundary name="The guide" id="guide" area="guide" action={{ label: 'Close guide', run: guideActions.close }}>
          <Suspense fallback={<aside className="fl-guide" aria-busy="true"><p role="status">Loading the guide…</p></aside>}>
            <GuidePanel />
          </Suspense>
        </PanelBoundary>
      )}
    </>
  );
}
