/**
 * What the page around the embed hears about the embed URL itself (docs/embedding.md, "Wrong
 * values"): one `faultline:error` per problem (the embed shows it and does not start) and one per
 * warning (a bad `controls`, `speed`… fell back to its default; the embed runs). The warning
 * line on screen and the event carry the same text.
 */
import type { EmbedParamsResult } from './params.ts';

export interface EmbedErrorEvent {
  type: 'faultline:error';
  message: string;
}

export function parameterErrorEvents(read: EmbedParamsResult): EmbedErrorEvent[] {
  const messages = read.ok ? read.warnings : read.problems;
  return messages.map((message) => ({ type: 'faultline:error', message }));
}
