/**
 * Checks on signing keys and tokens with the whole file in view: at most 31 distinct key ids; a
 * key named in a fault that nothing else knows; an identity provider whose signing key no key set
 * lists; a client that would sign in again before every request.
 *
 * Key ids are read from the raw file (as references are), so a keyset with one bad field still
 * counts its keys. Only ids whose own syntax is valid are counted (a bad one was reported).
 */
import type { IdentitySpec } from '../engine/index.ts';
import { isPlainObject, type Path } from './errors.ts';
import { formatDuration } from './durations.ts';
import { ID_PATTERN } from './values.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { STATION_KINDS } from './station.ts';
import { quote, type SemanticContext } from './semantic-context.ts';
import { checkTokenlessRequests } from './tokenless.ts';

interface KeyUse {
  key: string;
  path: Path;
  /** Where it is written: a node kind's field, or a fault action. */
  role: 'signingKey' | 'keys' | 'removeKey' | 'addKey' | 'setSigningKey';
}

const asKey = (value: unknown) => (typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined);

/** Every key id in the file, in order: nodes first, then faults. */
function keyUses({ scenario }: SemanticContext): KeyUse[] {
  const uses: KeyUse[] = [];
  scenario.rawNodes?.forEach((node, index) => {
    if (!isPlainObject(node)) return;
    if (node.kind === 'identity') {
      const key = asKey(node.signingKey);
      if (key !== undefined) uses.push({ key, path: ['nodes', index, 'signingKey'], role: 'signingKey' });
    } else if (node.kind === 'keyset' && Array.isArray(node.keys) && node.keys.length <= SCENARIO_LIMITS.maxKeyIds) {
      node.keys.forEach((value: unknown, j) => {
        const key = asKey(value);
        if (key !== undefined) uses.push({ key, path: ['nodes', index, 'keys', j], role: 'keys' });
      });
    }
  });
  scenario.rawFaults?.forEach((fault, index) => {
    if (!isPlainObject(fault)) return;
    const action = fault.action;
    const key = asKey(fault.key);
    if (key !== undefined && (action === 'removeKey' || action === 'addKey' || action === 'setSigningKey')) {
      uses.push({ key, path: ['faults', index, 'key'], role: action });
    }
  });
  return uses;
}

function checkKeyLimit({ log }: SemanticContext, uses: readonly KeyUse[]): void {
  const seen = new Set<string>();
  for (const { key, path } of uses) {
    if (seen.has(key)) continue;
    if (seen.size === SCENARIO_LIMITS.maxKeyIds) {
      log.error(path, `key id ${quote(key)} is one too many: a scenario may use at most ${SCENARIO_LIMITS.maxKeyIds} distinct key ids (a Faultline limit), counting signing keys, key-set keys and the keys of faults`);
      return;
    }
    seen.add(key);
  }
}

/** Whether any service, database or external validates tokens (has `auth`), as written. */
function hasValidators({ scenario }: SemanticContext): boolean {
  return (scenario.rawNodes ?? []).some((node) => isPlainObject(node) && (STATION_KINDS as unknown[]).includes(node.kind) && node.auth !== undefined);
}

function checkKeyUses(context: SemanticContext, uses: readonly KeyUse[]): void {
  const keysOf = (...roles: KeyUse['role'][]) => new Set(uses.filter((use) => roles.includes(use.role)).map((use) => use.key));
  const listed = keysOf('keys');
  const published = keysOf('keys', 'addKey');
  const known = keysOf('keys', 'signingKey', 'setSigningKey');
  const validators = hasValidators(context);
  const warn = (use: KeyUse, candidates: Set<string>, message: (key: string) => string) =>
    context.log.warn(use.path, message(`${quote(use.key)}${context.suggest(use.key, candidates)}`));
  for (const use of uses) {
    if (use.role === 'removeKey' && !published.has(use.key)) {
      warn(use, published, (key) => `no key set lists key ${key} and no addKey fault adds it: removing it changes nothing`);
    } else if (use.role === 'addKey' && !known.has(use.key)) {
      warn(use, known, (key) => `no key set or identity provider knows key ${key} (no "keys", "signingKey" or setSigningKey names it): no token is signed with it`);
    } else if (use.role === 'setSigningKey' && validators && !published.has(use.key)) {
      warn(use, published, (key) => `no key set lists key ${key} and no addKey fault adds it: validators will reject every token signed with it`);
    } else if (use.role === 'signingKey' && validators && !listed.has(use.key)) {
      const until = published.has(use.key) ? ' until an addKey fault adds it' : '';
      warn(use, listed, (key) => `no key set lists key ${key}: validators will reject every token this identity provider issues${until}`);
    }
  }
}

/** The longest a token of `identity` can live, when bounded (constant, uniform). */
function longestLifetime(identity: IdentitySpec): number {
  const lifetime = identity.tokenLifetime;
  return lifetime.dist === 'constant' ? lifetime.valueMs : lifetime.dist === 'uniform' ? lifetime.maxMs : Infinity;
}

/** refreshBefore ≥ every token's lifetime: each token is due for refresh as soon as it is issued. */
function checkRefreshBefore({ scenario, log }: SemanticContext): void {
  const identities = new Map<string, IdentitySpec>();
  for (const node of scenario.nodes) if (node?.kind === 'identity') identities.set(node.id, node);
  scenario.nodes.forEach((node, index) => {
    if (node?.kind !== 'client' || node.auth === null) return;
    const auth = node.auth;
    const issuer = identities.get(auth.issuer);
    if (issuer === undefined) return;
    const longest = longestLifetime(issuer);
    if (auth.refreshBeforeMs >= longest) {
      log.warn(
        ['nodes', index, 'auth', 'refreshBefore'],
        `${formatDuration(auth.refreshBeforeMs)} is at least the longest lifetime of a token from ${quote(issuer.id)} (${formatDuration(longest)}): every request would sign in again`,
      );
    }
  });
}

/** A forced refresh happens at once: there is nothing for `for` to revert. */
function checkForceRefreshFor({ scenario, log }: SemanticContext): void {
  scenario.faults.forEach((fault, index) => {
    if (fault?.action === 'forceRefresh' && fault.forMs !== Infinity) {
      log.warn(['faults', index, 'for'], 'has no effect on "forceRefresh": a refresh cannot be undone');
    }
  });
}

export function checkTokens(context: SemanticContext): void {
  const uses = keyUses(context);
  checkKeyLimit(context, uses);
  checkKeyUses(context, uses);
  checkRefreshBefore(context);
  checkForceRefreshFor(context);
  checkTokenlessRequests(context);
}
