/**
 * Embed mode's second stage (start-embed.ts is the first): React, the read-only canvas, the
 * stores and the simulation worker. It renders under the still picture, loads the scenario
 * into the worker (which validates it) and takes the picture down once the live canvas shows —
 * or at once when there is a problem to show instead.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parameterErrorEvents, type EmbedParamsResult } from '../../embed/index.ts';
import { findBuiltin } from '../../scenarios/index.ts';
import type { StartDocument } from '../../share/start-document.ts';
import { AppBoundary } from '../boundary/AppBoundary.tsx';
import { embedActions, useEmbedStore, type ShownLayouts } from './embed-session.ts';
import { EmbedApp } from './EmbedApp.tsx';
import { startParentBridge } from './parent-bridge.ts';
import { DEFAULT_EMBED_SCENARIO } from './start-embed.ts';
import type { StillPicture } from './still-picture.ts';

export interface FirstStage {
  read: EmbedParamsResult;
  start: StartDocument;
  still: StillPicture | null;
}

/** A still picture may stay this long at most: a canvas that never reports drawn must not stay hidden. */
const STILL_AT_MOST_MS = 10_000;

export function startLiveEmbed(root: HTMLElement, { read, start, still }: FirstStage): void {
  // Events go out even for a problem, so the page around the embed can log why it is blank;
  // commands come in only with a valid origin parameter.
  const bridge = startParentBridge(read.ok ? read.params.allowedOrigin : null);
  if (still) handOver(root, still);
  createRoot(root).render(
    <StrictMode>
      <AppBoundary>
        <EmbedApp />
      </AppBoundary>
    </StrictMode>,
  );
  const report = (problems: string[]) => {
    embedActions.fail(problems);
    for (const message of problems) bridge.post({ type: 'faultline:error', message });
  };
  if (!read.ok) return report(read.problems);
  embedActions.configure(read.params, read.warnings);
  // a parameter that fell back to its default: on screen as a warning line, and told to the page
  for (const event of parameterErrorEvents(read)) bridge.post({ ...event });
  if (start.kind === 'error') return report([start.problem]);
  void loadFirst(start, still ? { layouts: still.layouts, shownKey: still.shownKey() } : undefined).then((outcome) => {
    if (!outcome.ok) return report([outcome.problem]);
    bridge.post({ type: 'faultline:ready', scenario: { name: outcome.name, durationMs: outcome.durationMs } });
  });
}

/** `laidOut`: the still picture's layouts of the same document (and the one it shows), so the canvas does not lay it out again. */
function loadFirst(start: Exclude<StartDocument, { kind: 'error' }>, laidOut: ShownLayouts | undefined) {
  if (start.kind === 'link') return embedActions.load(start.document, { shareHash: location.hash }, undefined, laidOut);
  if (start.kind === 'builtin') return embedActions.load(start.document, { builtinId: start.id }, findBuiltin(start.id)?.title, laidOut);
  const fallback = findBuiltin(DEFAULT_EMBED_SCENARIO)!;
  return embedActions.load(fallback.scenario, { builtinId: fallback.id }, fallback.title, laidOut);
}

/** The live canvas has drawn its cards where the fit put them (React Flow shows a node once measured). */
function canvasShows(root: HTMLElement): boolean {
  const node = root.querySelector<HTMLElement>('.react-flow__node');
  return node !== null && getComputedStyle(node).visibility === 'visible' && node.getBoundingClientRect().width > 0;
}

/**
 * Takes the still picture down when the embed has something else to show: its live canvas
 * (checked once a frame after the scenario is ready, then one frame more for the fit) or a problem.
 */
function handOver(root: HTMLElement, still: StillPicture): void {
  let frames = 0;
  const done = () => {
    unsubscribe();
    clearTimeout(timer);
    still.remove();
  };
  const watch = () => {
    if (!canvasShows(root)) frames = 0;
    else if (++frames >= 2) return done();
    requestAnimationFrame(watch);
  };
  const unsubscribe = useEmbedStore.subscribe((state, previous) => {
    if (state.phase === previous.phase) return;
    if (state.phase === 'problem') done();
    else if (state.phase === 'ready') requestAnimationFrame(watch);
  });
  const timer = setTimeout(done, STILL_AT_MOST_MS);
}
