/**
 * The guide panel's state, outside React so the library (which opens it), the toolbar and the
 * controller can all reach it. Small on purpose: it is in the editor's first paint; the panel and
 * its controller are loaded lazily when the guide first opens.
 */
import { create } from 'zustand';
import { getDocument, useGraphStore } from '../../store/graph-store.ts';

export interface GuideOrigin {
  /** The built-in's id, when it came from the library. */
  builtinId?: string;
  /** The document exactly as loaded (library, file, link, autosave): "Reset" loads it again. */
  document: unknown;
}

export interface GuideState {
  open: boolean;
  origin: GuideOrigin | null;
  /** Pause the run at each step that does not say `pause: false`. On by default: a workshop reads. */
  pauseAtSteps: boolean;
  /** Participants' guesses by step index, for "predict, then run". */
  guesses: Readonly<Record<number, string>>;
  /** The step index the guide last paused at (-1: none); "Continue" plays on from there. */
  pausedAt: number;
}

export const useGuideStore = create<GuideState>(() => ({ open: false, origin: null, pauseAtSteps: true, guesses: {}, pausedAt: -1 }));

export const guideActions = {
  /** After the library opened a scenario: remember it for Reset, and show its guide. */
  opened(origin: GuideOrigin, showGuide: boolean): void {
    useGuideStore.setState({ origin, open: showGuide, guesses: {}, pausedAt: -1 });
  },
  show(): void {
    useGuideStore.setState({ open: true });
  },
  close(): void {
    useGuideStore.setState({ open: false });
  },
  setPauseAtSteps(pauseAtSteps: boolean): void {
    useGuideStore.setState({ pauseAtSteps });
  },
  guess(stepIndex: number, text: string): void {
    useGuideStore.setState((s) => ({ guesses: { ...s.guesses, [stepIndex]: text } }));
  },
  pausedAtStep(stepIndex: number): void {
    useGuideStore.setState({ pausedAt: stepIndex });
  },
};

// Every load (a built-in, a file, a link, Reset itself) is the new "start" that Reset returns to.
// loadCount changes just before the loaded document is committed, in the same synchronous call:
// read the document once that call is over.
useGraphStore.subscribe((state, previous) => {
  if (state.loadCount === previous.loadCount) return;
  queueMicrotask(() => {
    const { origin } = useGuideStore.getState();
    const document = getDocument();
    if (origin?.document !== document) useGuideStore.setState({ origin: { document }, guesses: {}, pausedAt: -1 });
  });
});
