/**
 * Checks that need the whole file in view, run after the schema pass on whatever parsed:
 * references (references.ts), request classes, settings with no effect (no-effect.ts), call
 * cycles, signing keys and tokens (token-checks.ts), totals within limits, timing.
 */
import { isPlainObject, type IssueLog, type Path } from './errors.ts';
import { formatDuration } from './durations.ts';
import { callEdges, findCallCycles } from './call-cycles.ts';
import { closestMatch } from './suggest.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { SemanticContext, quote, type ReadScenario } from './semantic-context.ts';
import { checkNoEffect } from './no-effect.ts';
import { checkTokens } from './token-checks.ts';
import { checkGuideReveal, checkGuideWatch } from './guide-checks.ts';
import { checkFaultTargets, checkLinkEnds, checkParallelLinks, checkRoutes, declareIds } from './references.ts';

export type { ReadScenario } from './semantic-context.ts';

const MAX_REPORTED_CYCLES = 10;

export function checkScenario(scenario: ReadScenario, log: IssueLog): void {
  const context = new SemanticContext(scenario, log);
  declareIds(context);
  // with either list unreadable, every reference would look broken: say nothing rather than noise
  if (scenario.rawNodes !== undefined && scenario.rawLinks !== undefined) {
    checkLinkEnds(context);
    checkRoutes(context);
    checkFaultTargets(context);
    checkGuideWatch(context);
  }
  checkGuideReveal(context);
  checkParallelLinks(context);
  checkLinkBuffers(context);
  checkClasses(context);
  checkNoEffect(context);
  checkCycles(context);
  checkTokens(context);
  checkTotals(context);
  checkTiming(context);
}

function checkLinkBuffers({ scenario, log }: SemanticContext): void {
  scenario.links.forEach((link, index) => {
    if (link === undefined) return;
    for (const direction of ['forward', 'back'] as const) {
      const { capacityPerSec, buffer } = link[direction];
      const inherited = direction === 'back' && buffer === link.forward.buffer; // said once, for the forward direction
      if (capacityPerSec === Infinity && buffer !== Infinity && !inherited) {
        const path: Path = direction === 'forward' ? ['links', index, 'buffer'] : ['links', index, 'back', 'buffer'];
        log.warn(path, 'a buffer has no effect without a capacity: an unlimited link never queues');
      }
    }
  });
}

/** `when` (of a call, a bulkhead or an MFA step) naming a class no client sends is probably a typo: a warning, since it is harmless. */
function checkClasses({ scenario, nodes, log }: SemanticContext): void {
  const unreadClient = [...nodes.values()].some((node) => node.kind === 'client' && scenario.nodes[node.index] === undefined);
  if (unreadClient) return; // its classes are unknown
  const classes = new Set<string>();
  for (const node of scenario.nodes) if (node?.kind === 'client') for (const c of node.classes) classes.add(c.name);
  const checkWhen = (when: readonly string[] | null, written: unknown, path: Path) => {
    when?.forEach((name, k) => {
      if (classes.has(name)) return;
      const hint = closestMatch(name, classes);
      log.warn(Array.isArray(written) ? [...path, k] : path, `no client sends class ${quote(name)}${hint === undefined ? '' : ` (did you mean ${quote(hint)}?)`}`);
    });
  };
  scenario.nodes.forEach((node, index) => {
    if (node === undefined || node.kind === 'client' || node.kind === 'balancer' || node.kind === 'cache') return;
    const raw = scenario.rawNodes?.[index] as Record<'calls' | 'bulkheads', { when?: unknown }[]> & { mfa?: { when?: unknown } };
    for (const list of ['calls', 'bulkheads'] as const) {
      node[list].forEach((item, j) => checkWhen(item.when, raw[list][j]?.when, ['nodes', index, list, j, 'when']));
    }
    if (node.kind === 'identity' && node.mfa !== null) checkWhen(node.mfa.when, raw.mfa?.when, ['nodes', index, 'mfa', 'when']);
  });
}

const MAX_LOOP_NAMES_SHOWN = 6;

function checkCycles({ scenario, log }: SemanticContext): void {
  // classes the clients send; unknown (null) when a client did not parse
  const clients = scenario.nodes.filter((node) => node?.kind === 'client');
  const clientUnread = (scenario.rawNodes ?? []).some((raw, i) => isPlainObject(raw) && raw.kind === 'client' && scenario.nodes[i] === undefined);
  const sent = clientUnread ? null : new Set(clients.flatMap((client) => client.classes.map((c) => c.name)));
  for (const cycle of findCallCycles(callEdges(scenario.nodes, scenario.rawNodes), MAX_REPORTED_CYCLES)) {
    const classes = cycle.classes === null || sent === null ? cycle.classes : cycle.classes.filter((name) => sent.has(name));
    if (classes !== null && classes.length === 0) continue; // no request that is ever sent can go round
    const names = cycle.nodeIds.map(quote);
    const loop = names.length <= MAX_LOOP_NAMES_SHOWN
      ? names.join(' → ')
      : `${names.slice(0, MAX_LOOP_NAMES_SHOWN - 1).join(' → ')} → … → ${names.at(-1)} (${names.length - 1} nodes)`;
    const who = classes === null ? 'every request' : `requests of class ${classes.map(quote).join(', ')}`;
    log.error(cycle.closingEdge.path, `call cycle ${loop}: ${who} would call round it forever`);
  }
}

function checkTotals({ scenario, log }: SemanticContext): void {
  let ratePerSec = 0;
  let users = 0;
  let sessions = 0;
  let replicas = 0;
  for (const node of scenario.nodes) {
    if (node === undefined) continue;
    if (node.kind === 'client') {
      ratePerSec += node.ratePerSec;
      users += node.users;
      sessions += node.auth?.sessions ?? 0;
    } else replicas += 'replicas' in node ? node.replicas : 1;
  }
  if (ratePerSec > SCENARIO_LIMITS.maxTotalRatePerSec) {
    log.error(['nodes'], `the clients' rates add up to ${ratePerSec} per second; at most ${SCENARIO_LIMITS.maxTotalRatePerSec} (a Faultline limit)`);
  }
  const durationMs = scenario.header?.durationMs;
  if (durationMs !== undefined && ratePerSec <= SCENARIO_LIMITS.maxTotalRatePerSec) {
    const requests = Math.round((ratePerSec * durationMs) / 1000);
    if (requests > SCENARIO_LIMITS.maxRequestsPerRun) {
      log.error(['duration'], `at ${ratePerSec} requests per second the clients would send about ${requests.toExponential(2)} requests over ${formatDuration(durationMs)}; at most ${SCENARIO_LIMITS.maxRequestsPerRun.toExponential(0)} per run (a Faultline limit): shorten the run or lower the rates`);
    }
  }
  if (users > SCENARIO_LIMITS.maxTotalUsers) {
    log.error(['nodes'], `the clients' users add up to ${users}; at most ${SCENARIO_LIMITS.maxTotalUsers} (a Faultline limit)`);
  }
  if (sessions > SCENARIO_LIMITS.maxTotalSessions) {
    log.error(['nodes'], `the clients' auth sessions add up to ${sessions}; at most ${SCENARIO_LIMITS.maxTotalSessions} (a Faultline limit)`);
  }
  if (replicas > SCENARIO_LIMITS.maxTotalReplicas) {
    log.error(['nodes'], `the nodes' replicas add up to ${replicas}; at most ${SCENARIO_LIMITS.maxTotalReplicas} (a Faultline limit)`);
  }
}

function checkTiming({ scenario, log }: SemanticContext): void {
  const header = scenario.header;
  if (header === undefined) return;
  const end = formatDuration(header.durationMs);
  if (header.sampleEveryMs > header.durationMs) {
    log.warn(['sampleEvery'], `${formatDuration(header.sampleEveryMs)} is longer than the run (${end}): no sample interval will complete`);
  }
  scenario.faults.forEach((fault, index) => {
    if (fault !== undefined && fault.atMs >= header.durationMs) {
      log.warn(['faults', index, 'at'], `${formatDuration(fault.atMs)} is not before the end of the run (${end}): this fault never happens`);
    }
  });
  scenario.guide.forEach((step, index) => {
    if (step !== undefined && step.atMs >= header.durationMs) {
      log.warn(['guide', index, 'at'], `${formatDuration(step.atMs)} is not before the end of the run (${end}): this step is never shown`);
    }
  });
}
