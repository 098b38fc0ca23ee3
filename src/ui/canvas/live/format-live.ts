/** The canvas's number texts are src/format's (one style for canvas, panels, CLI). */
export { formatCount, formatLatencyMs, formatRate, formatShare } from '../../../format/numbers.ts';
