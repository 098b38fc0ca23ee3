/**
 * References between parts of the file: ids unique across nodes and links; link ends, client
 * targets, calls, circuit-breaker fallbacks, cache backends, balancer targets and MFA steps naming
 * a node that can receive and is reached by a link; a client's `auth.issuer` naming an identity
 * provider and a validator's `auth.keyset` a key set, each reached by a link; fault targets naming
 * something the action applies to (`forceRefresh`: a node with `auth`).
 *
 * These read the raw file, not the parsed specs, so a node with one bad field still has its
 * target checked, and a node that did not parse still counts as existing: one mistake, one
 * message. Only references whose own syntax is valid are followed (a bad one was reported).
 */
import { kindFacts } from '../engine/kind-facts.ts';
import { isPlainObject, type Path } from './errors.ts';
import { ID_PATTERN } from './values.ts';
import { FAULT_ACTIONS, FAULT_TARGET_KINDS } from './faults.ts';
import { STATION_LIKE_KINDS } from './station.ts';
import { pairKey, quote, type Declared, type SemanticContext } from './semantic-context.ts';

/** `value` when it is a syntactically valid id. */
function asId(value: unknown): string | undefined {
  return typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined;
}

function idAt(record: Record<string, unknown>, key: string): string | undefined {
  return asId(record[key]);
}

function listAt(record: Record<string, unknown>, key: string): readonly unknown[] {
  const value = record[key];
  return Array.isArray(value) ? value : [];
}

export function declareIds({ scenario, nodes, links, linkPairs, log }: SemanticContext): void {
  const declare = (list: 'nodes' | 'links', raw: readonly unknown[] | undefined, into: Map<string, Declared>) => {
    raw?.forEach((item, index) => {
      if (!isPlainObject(item)) return;
      // a link counts as a route even when its id is bad or taken
      if (list === 'links' && typeof item.from === 'string' && typeof item.to === 'string') linkPairs.add(pairKey(item.from, item.to));
      if (typeof item.id !== 'string') return;
      const first = nodes.get(item.id) ?? links.get(item.id);
      if (first !== undefined) {
        const where = nodes.has(item.id) ? 'nodes' : 'links';
        log.error([list, index, 'id'], `duplicate id ${quote(item.id)} (${where}[${first.index}] has it too; ids are unique across nodes and links)`);
        return;
      }
      into.set(item.id, { index, kind: typeof item.kind === 'string' ? item.kind : undefined });
    });
  };
  declare('nodes', scenario.rawNodes, nodes);
  declare('links', scenario.rawLinks, links);
}

/** Errors if `ref` is not a node that can receive requests; with `from`, also if no link leads there. */
function checkNodeRef(context: SemanticContext, ref: string, path: Path, from?: string): void {
  const { nodes, links, log } = context;
  const node = nodes.get(ref);
  if (node === undefined) {
    log.error(path, links.has(ref) ? `${quote(ref)} is a link, not a node` : `no node has id ${quote(ref)}${context.suggest(ref, nodes.keys())}`);
  } else if (node.kind === 'client') {
    log.error(path, `${quote(ref)} is a client; clients only send requests, they cannot receive them`);
  } else if (from !== undefined && !context.hasLink(from, ref)) {
    log.error(path, `no link from ${quote(from)} to ${quote(ref)}`);
  }
}

export function checkLinkEnds(context: SemanticContext): void {
  const { scenario, nodes, links, log } = context;
  scenario.rawLinks?.forEach((link, index) => {
    if (!isPlainObject(link)) return;
    const from = idAt(link, 'from');
    const to = idAt(link, 'to');
    if (from !== undefined && !nodes.has(from)) {
      const hint = links.has(from) ? ` (${quote(from)} is a link)` : context.suggest(from, nodes.keys());
      log.error(['links', index, 'from'], `no node has id ${quote(from)}${hint}`);
    }
    if (to !== undefined && to !== from) checkNodeRef(context, to, ['links', index, 'to']);
  });
}

/** Parallel links (same from and to) must use one routing policy: the sender picks among them by it. */
export function checkParallelLinks({ scenario, log }: SemanticContext): void {
  const firstByPair = new Map<string, { index: number; routing: string }>();
  scenario.links.forEach((link, index) => {
    if (link === undefined) return;
    const key = pairKey(link.from, link.to);
    const first = firstByPair.get(key);
    if (first === undefined) firstByPair.set(key, { index, routing: link.routing });
    else if (first.routing !== link.routing) {
      log.error(
        ['links', index, 'routing'],
        `parallel links from ${quote(link.from)} to ${quote(link.to)} must agree on routing: links[${first.index}] uses ${quote(first.routing)}, this one ${quote(link.routing)}`,
      );
    }
  });
}

const withArticle = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

/** As checkNodeRef, and the node must be of `kind` (`what` names it: "an identity provider"). */
function checkKindRef(context: SemanticContext, ref: string, path: Path, from: string | undefined, kind: string, what: string): void {
  const node = context.nodes.get(ref);
  if (node?.kind !== undefined && node.kind !== kind && node.kind !== 'client') {
    context.log.error(path, `${quote(ref)} is ${withArticle(node.kind)}; expected ${what} (kind ${quote(kind)})`);
  } else checkNodeRef(context, ref, path, from);
}

/** `owner[key][field]`, when `owner[key]` is an object and the field a valid id. */
function nestedId(owner: Record<string, unknown>, key: string, field: string): string | undefined {
  const inner = owner[key];
  return isPlainObject(inner) ? idAt(inner, field) : undefined;
}

const isStationLike = (kind: unknown): kind is string => typeof kind === 'string' && (STATION_LIKE_KINDS as readonly string[]).includes(kind);

/** Client targets and issuers, calls, MFA steps, key sets of validators, balancer targets, cache backends. */
export function checkRoutes(context: SemanticContext): void {
  context.scenario.rawNodes?.forEach((node, index) => {
    if (!isPlainObject(node)) return;
    const from = idAt(node, 'id');
    const kind = node.kind;
    if (kind === 'client') {
      const target = idAt(node, 'target');
      if (target !== undefined) checkNodeRef(context, target, ['nodes', index, 'target'], from);
      const issuer = nestedId(node, 'auth', 'issuer');
      if (issuer !== undefined) checkKindRef(context, issuer, ['nodes', index, 'auth', 'issuer'], from, 'identity', 'an identity provider');
    } else if (kind === 'balancer') {
      const seen = new Set<string>();
      listAt(node, 'targets').forEach((item, j) => {
        const target = asId(item);
        if (target === undefined) return;
        checkNodeRef(context, target, ['nodes', index, 'targets', j], from);
        if (seen.has(target)) context.log.warn(['nodes', index, 'targets', j], `${quote(target)} is listed more than once, so it gets a larger share`);
        seen.add(target);
      });
    } else if (kind === 'cache') {
      const backend = idAt(node, 'backend');
      if (backend !== undefined) checkNodeRef(context, backend, ['nodes', index, 'backend'], from);
    } else if (isStationLike(kind)) {
      checkFallback(context, node, ['nodes', index], from);
      listAt(node, 'calls').forEach((call, j) => {
        if (!isPlainObject(call)) return;
        const to = idAt(call, 'to');
        if (to !== undefined) checkNodeRef(context, to, ['nodes', index, 'calls', j, 'to'], from);
        checkFallback(context, call, ['nodes', index, 'calls', j], from);
      });
      const via = kind === 'identity' ? nestedId(node, 'mfa', 'via') : undefined;
      if (via !== undefined) checkNodeRef(context, via, ['nodes', index, 'mfa', 'via'], from);
      const keyset = kindFacts(kind)?.validatesTokens ? nestedId(node, 'auth', 'keyset') : undefined;
      if (keyset !== undefined) checkKindRef(context, keyset, ['nodes', index, 'auth', 'keyset'], from, 'keyset', 'a key set');
    }
  });
}

/** The `circuitBreaker.fallback` of a station or of one of its calls, when written. */
function checkFallback(context: SemanticContext, owner: Record<string, unknown>, path: Path, from: string | undefined): void {
  const breaker = owner.circuitBreaker;
  const fallback = isPlainObject(breaker) ? idAt(breaker, 'fallback') : undefined;
  if (fallback !== undefined) checkNodeRef(context, fallback, [...path, 'circuitBreaker', 'fallback'], from);
}

/** The actions a node of `kind` takes (`forceRefresh` only with `auth`). */
function actionsFor(kind: string, validates: boolean): string {
  return FAULT_ACTIONS.filter((action) => (FAULT_TARGET_KINDS[action] as readonly string[]).includes(kind) && (action !== 'forceRefresh' || validates)).join(', ');
}

function isFaultAction(value: unknown): value is keyof typeof FAULT_TARGET_KINDS {
  return typeof value === 'string' && Object.hasOwn(FAULT_TARGET_KINDS, value);
}

/** `at(index)`: where fault `index`'s problems go (`faults[i]` in a file; `fault` for a live one: live-fault.ts). */
export function checkFaultTargets(context: SemanticContext, livePath?: Path): void {
  const at = (index: number): Path => livePath ?? ['faults', index];
  const { scenario, nodes, links, log } = context;
  const kindsPresent = new Set<string>([...nodes.values()].map((node) => node.kind ?? ''));
  if (links.size > 0) kindsPresent.add('link');
  const hasAuth = (index: number) => {
    const raw = scenario.rawNodes?.[index];
    return isPlainObject(raw) && raw.auth !== undefined;
  };
  const validators = [...nodes.values()].filter((node) => isStationLike(node.kind) && kindFacts(node.kind)?.validatesTokens === true && hasAuth(node.index));
  scenario.rawFaults?.forEach((fault, index) => {
    if (!isPlainObject(fault)) return;
    const target = fault.target === '*' ? '*' : idAt(fault, 'target');
    if (target === undefined) return;
    const action = isFaultAction(fault.action) ? fault.action : undefined;
    const applies: readonly string[] = action === undefined ? [] : FAULT_TARGET_KINDS[action];
    if (target === '*') {
      if (action === 'forceRefresh') {
        if (validators.length === 0) {
          log.warn([...at(index), 'target'], '"*" matches nothing: action "forceRefresh" applies to nodes that validate tokens ("auth"), and the scenario has none');
        }
      } else if (action !== undefined && !applies.some((kind) => kindsPresent.has(kind))) {
        log.warn([...at(index), 'target'], `"*" matches nothing: action ${quote(action)} applies to ${applies.join(', ')}, and the scenario has none`);
      }
      return;
    }
    const node = nodes.get(target);
    const kind = node !== undefined ? node.kind : links.has(target) ? 'link' : undefined;
    if (node === undefined && kind === undefined) {
      log.error([...at(index), 'target'], `no node or link has id ${quote(target)}${context.suggest(target, [...nodes.keys(), ...links.keys()])}`);
      return;
    }
    if (action === undefined || kind === undefined) return;
    if (!applies.includes(kind)) {
      const takes = actionsFor(kind, node !== undefined && hasAuth(node.index));
      log.error(
        [...at(index), 'action'],
        `action ${quote(action)} does not apply to ${quote(target)}, ${withArticle(kind)} (${takes === '' ? 'it takes no actions' : `it takes ${takes}`})`,
      );
    } else if (action === 'forceRefresh' && node !== undefined && !hasAuth(node.index)) {
      log.error([...at(index), 'action'], `action "forceRefresh" applies to nodes that validate tokens; ${quote(target)} has no "auth"`);
    } else if (action === 'setRate' && node !== undefined) {
      const client = scenario.nodes[node.index];
      if (client?.kind === 'client' && client.loop === 'closed') {
        log.error([...at(index), 'action'], `action "setRate" needs an open-loop client ("rate"); ${quote(target)} is closed-loop ("users")`);
      }
    }
  });
}
