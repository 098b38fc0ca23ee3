/** Simulated time for axes, markers and sentences (UI and src/compare alike). */

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
