/** Clock, rate and status texts for the run controls, the embed, charts and timeline. */
import type { RunSpeed, RunStatus } from '../../store/run-store.ts';

/** A speed button's text: "Story", "10×", "Max". */
export const speedLabel = (speed: RunSpeed): string => (speed === 'max' ? 'Max' : speed === 'story' ? 'Story' : `${speed}×`);

export function speedTitle(speed: RunSpeed): string {
  if (speed === 'max') return 'As fast as possible';
  if (speed === 'story') return "The story's pace: slow where something happens, fast-forward between";
  return `${speed} simulated seconds per second`;
}

/** What the run is doing, in words (the embed says "Starting…" for idle instead). */
export const RUN_STATUS_TEXT: Readonly<Record<RunStatus, string>> = {
  idle: 'No scenario',
  loading: 'Loading…',
  paused: 'Paused',
  running: 'Running',
  finished: 'Finished',
  invalid: 'Scenario has errors',
  failed: 'Simulation failed',
};

/** 83_400 → "1:23.4"; 7_384_000 → "2:03:04". Tenths only while under an hour. */
export function formatClock(ms: number): string {
  const totalSec = Math.max(0, ms) / 1000;
  const hours = Math.floor(totalSec / 3600);
  const minutes = Math.floor((totalSec % 3600) / 60);
  const seconds = totalSec % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (hours > 0) return `${hours}:${pad(minutes)}:${pad(Math.floor(seconds))}`;
  return `${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
}

/** 1_234_567 → "1.23 M"; 12_345 → "12.3 k". */
export function formatRate(perSec: number): string {
  if (!Number.isFinite(perSec)) return '–';
  if (perSec >= 1e6) return `${(perSec / 1e6).toFixed(2)} M`;
  if (perSec >= 1e3) return `${(perSec / 1e3).toFixed(1)} k`;
  return perSec >= 10 ? perSec.toFixed(0) : perSec.toFixed(1);
}

/** A number that fits a chart's value axis: 150000 → "150k", 1500 → "1500", 0.25 → "0.25". */
export function formatAxisNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (abs >= 1e4) return `${Number((value / 1e3).toPrecision(3))}k`;
  return String(Number(value.toPrecision(4)));
}

/** A short simulated time for axes and markers: "90s" → "1m 30s", "2h 5m". */
export function formatSimTime(ms: number): string {
  const sec = Math.round(ms / 1000);
  if (sec < 60) return `${sec}s`;
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  return s > 0 ? `${m}m ${s}s` : `${m}m`;
}
