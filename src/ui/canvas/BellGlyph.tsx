/**
 * The alert bell (issue 13), drawn rather than an emoji: a machine without an emoji font (a
 * projector's laptop, headless Chromium) would show an empty box. `BELL_PATH` is in a 24-unit box,
 * for the SVG link labels; `BellGlyph` is the same for HTML (cards, the timeline). A probe's
 * mark on the card it checks (`PulseGlyph`) is drawn for the same reason.
 */
export const BELL_PATH = 'M12 3a6 6 0 0 0-6 6v4.2L4 16.5V18h16v-1.5l-2-3.3V9a6 6 0 0 0-6-6zM9.8 19.5a2.3 2.3 0 0 0 4.4 0z';

export function BellGlyph({ sizePx = 14 }: { sizePx?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={sizePx} height={sizePx} aria-hidden="true" focusable="false">
      <path d={BELL_PATH} fill="currentColor" />
    </svg>
  );
}

/** A probe's mark: a pulse, as a heartbeat monitor draws it — a check that runs on a schedule. */
const PULSE_PATH = 'M2 12h5l2.5-6 4 12 2.5-6H22';

export function PulseGlyph({ sizePx = 14 }: { sizePx?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={sizePx} height={sizePx} aria-hidden="true" focusable="false">
      <path d={PULSE_PATH} fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
