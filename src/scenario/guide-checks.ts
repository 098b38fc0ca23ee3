/**
 * A guide step's `watch` names nodes and links to highlight: each should exist, or the guide would
 * point a workshop at nothing. A warning, not an error: deleting a node in the editor must not
 * stop the run over a highlight (the guide skips ids that are gone). Checked against every
 * declared id, parsed or not (one mistake, one message).
 */
import { quote, type SemanticContext } from './semantic-context';

export function checkGuideWatch(context: SemanticContext): void {
  const { scenario, nodes, links, log } = context;
  scenario.guide.forEach((step, index) => {
    step?.watch?.forEach((id, k) => {
      if (nodes.has(id) || links.has(id)) return;
      log.warn(['guide', index, 'watch', k], `no node or link has id ${quote(id)}${context.suggest(id, [...nodes.keys(), ...links.keys()])}; the guide cannot highlight it`);
    });
  });
}
