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
