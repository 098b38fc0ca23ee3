/**
 * The embed's own state and the commands the reader's buttons and the parent page share. The
 * run itself is the editor's (src/store/run-store.ts); the canvas reads the graph store, which
 * the embed fills WITHOUT autosave, so an embed never touches the editor's saved graph.
 */
import { create } from 'zustand';
import { EMBED_DEFAULTS, type EmbedParams } from '../../embed/index.ts';
import { initiallyWantsToPlay, shouldRun } from '../../embed/index.ts';
import type { EditorSource } from '../../embed/index.ts';
import { graphActions, useGraphStore } from '../../store/graph-store.ts';
import { layoutForFrame, type Box, type FrameLayouts } from '../../store/graph/frame-layout.ts';
import { setFlowDirection } from '../canvas/flow-direction.ts';
import { fitRoom, readStillLayouts } from './still-picture.ts';
import { runActions, useRunStore, type RunSpeed } from '../../store/run-store.ts';

export interface EmbedState {
  phase: 'starting' | 'ready' | 'problem';
  /** Why the embed cannot show anything (bad origin, mangled link, invalid scenario). */
  problems: string[];
  /** Parameters that fell back to their defaults, and the like: shown, not fatal. */
  warnings: string[];
  params: EmbedParams;
  title: string;
  source: EditorSource | null;
  wantsToPlay: boolean;
  onScreen: boolean;
  pageVisible: boolean;
}

export const useEmbedStore = create<EmbedState>()(() => ({
  phase: 'starting',
  problems: [],
  warnings: [],
  params: EMBED_DEFAULTS,
  title: '',
  source: null,
  wantsToPlay: false,
  onScreen: false,
  pageVisible: true,
}));
const set = useEmbedStore.setState;
const get = useEmbedStore.getState;

/** The shown scenario's two layouts (frame-layout.ts): the frame picks one at load and on every resize. */
let layouts: FrameLayouts | null = null;
/** Which of them the canvas shows (FrameLayout.key). */
let shownKey = 'across';

/** The room the live canvas's fit will have (the page's canvas area, before the canvas itself renders). */
function liveCanvasRoom(): Box {
  const main = document.querySelector<HTMLElement>('main.fl-embed-canvas');
  const box = main && main.clientWidth > 0 ? { width: main.clientWidth, height: main.clientHeight } : { width: innerWidth, height: innerHeight };
  return fitRoom(box, get().params.controls !== 'none');
}

/** A document's layouts and the one already on screen (the still picture's), handed to `load`. */
export interface ShownLayouts {
  layouts: FrameLayouts;
  shownKey: string;
}

export type LoadOutcome = { ok: true; name: string; durationMs: number } | { ok: false; problem: string };

/** Starts or stops the run to match what was asked for and whether the embed can be seen. */
function applyPlayback(): void {
  const status = useRunStore.getState().status;
  const run = shouldRun({ ...get(), autoplay: get().params.autoplay });
  if (run && status === 'paused') void runActions.play();
  else if (!run && status === 'running') void runActions.pause();
}

function scenarioName(document: unknown, fallback: string): string {
  const name = (document as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() !== '' ? name.slice(0, 200) : fallback;
}

export const embedActions = {
  configure(params: EmbedParams, warnings: string[]): void {
    set({ params, warnings, wantsToPlay: initiallyWantsToPlay(params.autoplay) });
  },

  fail(problems: string[]): void {
    if (get().phase !== 'ready') set({ phase: 'problem', problems });
  },

  /**
   * The worker validates first; only a scenario it accepts replaces the canvas, so a bad
   * `faultline:load` leaves the current demo running. `laidOut` is the same document already
   * laid out for the still picture (still-picture.ts): the canvas takes its positions instead
   * of laying it out again; the worker always gets the document as written. The canvas shows the
   * layout the frame draws larger (top to bottom in a portrait frame: frame-layout.ts).
   */
  async load(document: unknown, source: EditorSource, title?: string, given?: ShownLayouts): Promise<LoadOutcome> {
    await runActions.load(document);
    const run = useRunStore.getState();
    if (run.errors.length > 0 || run.status === 'invalid' || run.status === 'failed') {
      const reasons = run.errors.length > 0 ? run.errors.slice(0, 5).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)) : [run.failure ?? 'the simulation failed'];
      return { ok: false, problem: `the scenario cannot run — ${reasons.join('; ')}` };
    }
    const next = given?.layouts ?? readStillLayouts(document);
    // the still picture's choice stays unless the live canvas's room draws another clearly larger
    const chosen = next ? layoutForFrame(next, liveCanvasRoom(), given?.shownKey) : null;
    const shown = graphActions.load(chosen?.document ?? document, { resetHistory: true });
    if (!shown.ok) return { ok: false, problem: `the scenario cannot be drawn — ${shown.reason}` };
    layouts = next;
    shownKey = chosen?.key ?? 'across';
    setFlowDirection(chosen?.direction ?? 'across', shownKey);
    // the worker's warnings mark the cards, as the editor's validation would (the page has no parser)
    graphActions.fileIssues({ ok: true, warnings: run.warnings });
    await runActions.setSpeed(get().params.speed);
    const name = scenarioName(document, 'Untitled scenario');
    set({ phase: 'ready', problems: [], title: title ?? name, source });
    applyPlayback();
    return { ok: true, name, durationMs: useRunStore.getState().durationMs };
  },

  play(): void {
    set({ wantsToPlay: true });
    // Play at the end of a run plays it again from the start (as in the editor).
    if (useRunStore.getState().status === 'finished') void runActions.reset().then(applyPlayback);
    else applyPlayback();
  },

  pause(): void {
    set({ wantsToPlay: false });
    applyPlayback();
  },

  async reset(): Promise<void> {
    await runActions.reset();
    applyPlayback();
  },

  /**
   * The caption timeline's jump. The worker carries the run on as the reader left it (playing or
   * paused), so no playback rule runs here: it would see the seek's 'running' and stop it. A
   * finished run jumped back into plays again if the reader wants it playing.
   */
  async seek(simulatedMs: number): Promise<void> {
    const finished = useRunStore.getState().status === 'finished';
    await runActions.seek(simulatedMs);
    if (finished && shouldRun({ ...get(), autoplay: get().params.autoplay })) void runActions.play();
  },

  setSpeed(speed: RunSpeed): void {
    set({ params: { ...get().params, speed } });
    void runActions.setSpeed(speed);
  },

  setSource(source: EditorSource): void {
    set({ source });
  },

  /**
   * The canvas's frame changed size (a phone turned, a resized window): the layout it draws larger
   * replaces the shown positions (the embed keeps no undo and never saves). True when it changed.
   */
  fitLayoutToFrame(room: Box): boolean {
    if (layouts === null) return false;
    const { direction, document: placed, key } = layoutForFrame(layouts, room, shownKey);
    if (key === shownKey) return false;
    shownKey = key;
    const shownIds = new Set(useGraphStore.getState().document.nodes.map((n) => n.id));
    const positions = new Map(placed.nodes.flatMap((n) => (n.position && shownIds.has(n.id) ? [[n.id, n.position] as const] : [])));
    graphActions.moveNodes(positions);
    setFlowDirection(direction, key);
    return true;
  },

  setVisibility(change: Partial<Pick<EmbedState, 'onScreen' | 'pageVisible'>>): void {
    set(change);
    applyPlayback();
  },
};
