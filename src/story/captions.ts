/**
 * What the embed says in one line, and the marks on its thin timeline. A guided scenario's
 * captions are its steps' titles; one without a guide is told by its faults ("13:32 — the link
 * to Apple push turns lossy (37% loss)") and by the titled `story.moments`. The timeline marks
 * steps and faults both, one mark per moment.
 */
import type { ScenarioSpec } from '../engine/index.ts';
import { describeFault, describeFaultEnd, namesOf } from './fault-sentence.ts';
import { storyClock } from './story-clock.ts';

export interface StoryCaption {
  atMs: number;
  text: string;
}

export interface StoryMarker {
  atMs: number;
  /** 'fault' when a fault happens at this moment (with or without a step). */
  kind: 'step' | 'fault';
  text: string;
}

type CaptionSource = Pick<ScenarioSpec, 'durationMs' | 'faults' | 'guide' | 'nodes' | 'links' | 'story'>;

function faultEvents(spec: CaptionSource): StoryCaption[] {
  const nameOf = namesOf(spec);
  const events: StoryCaption[] = [];
  for (const fault of spec.faults) {
    events.push({ atMs: fault.atMs, text: describeFault(fault, nameOf) });
    if (Number.isFinite(fault.forMs)) events.push({ atMs: fault.atMs + fault.forMs, text: describeFaultEnd(fault, nameOf) });
  }
  return events.filter((event) => event.atMs < spec.durationMs);
}

const byTime = <T extends { atMs: number }>(items: T[]): T[] => items.map((item, i) => ({ item, i })).sort((a, b) => a.item.atMs - b.item.atMs || a.i - b.i).map(({ item }) => item);

export function storyCaptions(spec: CaptionSource): StoryCaption[] {
  const declared = (spec.story?.moments ?? []).flatMap((m) => (m.title !== undefined && m.atMs < spec.durationMs ? [{ atMs: m.atMs, text: m.title }] : []));
  if (spec.guide.length > 0) return byTime([...spec.guide.map((step) => ({ atMs: step.atMs, text: step.title })), ...declared]);
  const startsAt = spec.story?.startsAtMin;
  const faults = faultEvents(spec).map((event) => ({ atMs: event.atMs, text: `${storyClock(event.atMs, startsAt)} — ${event.text}` }));
  return byTime([...faults, ...declared]);
}

/** The caption showing at `simMs`: the last one whose moment has come (null before the first). */
export function captionAt(captions: readonly StoryCaption[], simMs: number): StoryCaption | null {
  let current: StoryCaption | null = null;
  for (const caption of captions) {
    if (caption.atMs > simMs) break;
    current = caption;
  }
  return current;
}

/**
 * One mark per moment: a step's title names it (else the fault in words); it is a fault mark when
 * a fault happens then, so a step and its fault are one target to tap, not two stacked ones.
 */
export function storyMarkers(spec: CaptionSource): StoryMarker[] {
  const byTime = new Map<number, StoryMarker>();
  for (const step of spec.guide) {
    if (step.atMs < spec.durationMs && !byTime.has(step.atMs)) byTime.set(step.atMs, { atMs: step.atMs, kind: 'step', text: step.title });
  }
  for (const event of faultEvents(spec)) {
    const mark = byTime.get(event.atMs);
    if (mark === undefined) byTime.set(event.atMs, { atMs: event.atMs, kind: 'fault', text: event.text });
    else mark.kind = 'fault';
  }
  return [...byTime.values()].sort((a, b) => a.atMs - b.atMs);
}
