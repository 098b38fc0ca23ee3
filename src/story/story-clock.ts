/**
 * Times as a story tells them. A step title often starts with the time of day of the real
 * incident ("19:35 — an unrelated deployment is reverted"); labels reuse that prefix, and
 * `story.startsAt` turns simulated time into a time of day for captions made from faults.
 */

/** "19:35 — a deployment…" → "19:35"; "09:25 the next day — …" → "09:25 the next day"; else null. */
export function clockPrefix(title: string): string | null {
  const dash = title.indexOf(' — ');
  if (dash <= 0) return null;
  const head = title.slice(0, dash);
  return /\d{1,2}:\d{2}/.test(head) ? head.replace(/\s+UTC$/, '') : null;
}

/** The title without its clock prefix: "19:00 — K1 disappears…" → "K1 disappears…". */
export function withoutClockPrefix(title: string): string {
  const prefix = clockPrefix(title);
  return prefix === null ? title : title.slice(title.indexOf(' — ') + 3);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A simulated time for a label: with a start time of day, "13:32" (wrapping past midnight);
 * without, the run's own clock, "2:05" or "1:05:00".
 */
export function storyClock(simMs: number, startsAtMin?: number): string {
  const totalSec = Math.floor(Math.max(0, simMs) / 1000);
  if (startsAtMin !== undefined) {
    const minutes = Math.floor(startsAtMin + totalSec / 60) % (24 * 60);
    return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The story's time of day at t = 0: minutes after midnight and a zone word ("UTC") if it named one. */
export interface StoryStartOfDay {
  minutes: number;
  zone: string;
}

/**
 * When the run's t = 0 is in the story's day: `story.startsAt`, else the time a guide step at
 * t = 0 opens its title with ("18:30 UTC — healthy", as both outage stories do); else null.
 */
export function storyStartOfDay(startsAtMin: number | undefined, guide: readonly { atMs: number; title: string }[]): StoryStartOfDay | null {
  if (startsAtMin !== undefined) return { minutes: startsAtMin, zone: '' };
  const opening = guide.find((step) => step.atMs === 0);
  const dash = opening === undefined ? -1 : opening.title.indexOf(' — ');
  const match = dash > 0 ? /^(\d{1,2}):(\d{2})(?:\s+([A-Z]{2,5}))?$/.exec(opening!.title.slice(0, dash)) : null;
  if (match === null || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return { minutes: Number(match[1]) * 60 + Number(match[2]), zone: match[3] ?? '' };
}

/** The story's time of day at a simulated time, to the second: "19:05:22 UTC" (wrapping past midnight). */
export function timeOfDay(simMs: number, start: StoryStartOfDay): string {
  const totalSec = Math.floor(start.minutes * 60 + Math.max(0, simMs) / 1000) % (24 * 3600);
  const clock = `${pad(Math.floor(totalSec / 3600))}:${pad(Math.floor((totalSec % 3600) / 60))}:${pad(totalSec % 60)}`;
  return start.zone === '' ? clock : `${clock} ${start.zone}`;
}
