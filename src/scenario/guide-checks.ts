/**
 * A guide step's `watch` names nodes and links to highlight: each should exist, or the guide would
 * point a workshop at nothing. A warning, not an error: deleting a node in the editor must not
 * stop the run over a highlight (the guide skips ids that are gone). Checked against every
 * declared id, parsed or not (one mistake, one message).
 */
import { formatDuration } from './durations.ts';
import { quote, type SemanticContext } from './semantic-context.ts';

export function checkGuideWatch(context: SemanticContext): void {
  const { scenario, nodes, links, log } = context;
  scenario.guide.forEach((step, index) => {
    step?.watch?.forEach((id, k) => {
      if (nodes.has(id) || links.has(id)) return;
      log.warn(['guide', index, 'watch', k], `no node or link has id ${quote(id)}${context.suggest(id, [...nodes.keys(), ...links.keys()])}; the guide cannot highlight it`);
    });
  });
}

/**
 * A step's outcome shows at `at` + `reveal`, while the step is still current: a later step that
 * becomes current first, or the end of the run, would hide it for good. Warnings, like `at` past
 * the end: the run itself is fine.
 */
export function checkGuideReveal(context: SemanticContext): void {
  const { scenario, log } = context;
  const durationMs = scenario.header?.durationMs;
  scenario.guide.forEach((step, index) => {
    if (step?.revealMs === undefined || step.revealMs === 0) return;
    const revealAtMs = step.atMs + step.revealMs;
    const where = ['guide', index, 'reveal'];
    if (durationMs !== undefined && step.atMs < durationMs && revealAtMs >= durationMs) {
      log.warn(where, `${formatDuration(step.atMs)} + ${formatDuration(step.revealMs)} is not before the end of the run (${formatDuration(durationMs)}): this step's outcome is never shown`);
      return;
    }
    const next = scenario.guide.findIndex((other, j) => other !== undefined && j !== index && (other.atMs > step.atMs || (other.atMs === step.atMs && j > index)) && other.atMs <= revealAtMs);
    if (next >= 0) {
      log.warn(where, `guide[${next}] (at ${formatDuration(scenario.guide[next]!.atMs)}) replaces this step before its outcome shows at ${formatDuration(revealAtMs)}; reveal it earlier or move that step later`);
    }
  });
}
