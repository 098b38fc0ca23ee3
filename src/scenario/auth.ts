/**
 * Tokens: a client's `auth` (it signs in at an identity provider and sends its token) and a
 * station's `auth` (it validates tokens against a cached copy of a key set), plus `replicas`.
 */
import type { ClientAuthSpec, ValidatorSpec } from '../engine/index.ts';
import { fields } from './fields.ts';
import { durationField } from './durations.ts';
import { booleanField, nodeRefField, wholeNumberField } from './values.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { CLIENT_AUTH_DEFAULTS, VALIDATOR_DEFAULTS } from './default-values.ts';

/** Defaults in the file's own notation (docs/format.md lists them). */
export { CLIENT_AUTH_DEFAULTS, VALIDATOR_DEFAULTS } from './default-values.ts';

/**
 * A client's `auth`, as read; the client turns it into a ClientAuthSpec, since the default of
 * `sessions` depends on the loop.
 */
export const clientAuthSchema = fields({
  issuer: nodeRefField('The identity provider this client signs in at (kind "identity"; a link from the client must lead there).'),
  sessions: wholeNumberField({
    min: 1,
    max: SCENARIO_LIMITS.maxSessions,
    maxIsLimit: true,
    description: `Token holders. Default: one per user (closed loop), ${CLIENT_AUTH_DEFAULTS.openLoopSessions} (open loop, each request drawn from them uniformly).`,
  }).optional(),
  refreshBefore: durationField({
    description: `A holder signs in again once its token is this close to expiry. Default "${CLIENT_AUTH_DEFAULTS.refreshBefore}".`,
  }).prefault(CLIENT_AUTH_DEFAULTS.refreshBefore),
}).meta({ description: 'Sign in at an identity provider and send the token with every request. Default: no tokens.' });

/** A station's `auth`: token validation with a cached key set. */
export const validatorSchema = fields({
  keyset: nodeRefField('The key set (kind "keyset") trusted keys are fetched from; a link from this node must lead there.'),
  refreshEvery: durationField({ positive: true, description: 'Interval of scheduled key-set fetches (each replica starts at a random phase).' }),
  refreshOnUnknownKey: booleanField('Fetch the key set again on a token signed with a key it does not trust. Default false.').prefault(false),
  minRefreshInterval: durationField({
    description: 'refreshOnUnknownKey: at most one such fetch per this interval; 0 = every time. Default 0.',
  }).prefault(VALIDATOR_DEFAULTS.minRefreshInterval),
  negativeTtl: durationField({ description: 'How long a key id it does not trust is remembered as untrusted; 0 = not remembered. Default 0.' }).prefault(
    VALIDATOR_DEFAULTS.negativeTtl,
  ),
  keepLastKnownGood: booleanField('Never stop trusting a key it trusted once (a fetch only adds keys). Default false.').prefault(false),
  fetchTimeout: durationField({ positive: true, description: `Timeout of one key-set fetch. Default "${VALIDATOR_DEFAULTS.fetchTimeout}".` }).prefault(
    VALIDATOR_DEFAULTS.fetchTimeout,
  ),
}).transform(
  (auth): ValidatorSpec => ({
    keyset: auth.keyset,
    refreshEveryMs: auth.refreshEvery,
    refreshOnUnknownKey: auth.refreshOnUnknownKey,
    minRefreshIntervalMs: auth.minRefreshInterval,
    negativeTtlMs: auth.negativeTtl,
    keepLastKnownGood: auth.keepLastKnownGood,
    fetchTimeoutMs: auth.fetchTimeout,
  }),
).meta({ id: 'validator', description: 'Validate the token of every request on arrival, against a cached copy of a key set. Default: no validation.' });

export const replicasField = wholeNumberField({
  min: 1,
  max: SCENARIO_LIMITS.maxReplicas,
  maxIsLimit: true,
  description: 'Independent instances, each with its own workers, queue and key-set cache; a request goes to one at random. Default 1.',
});

type Issue = { path: (string | number)[]; message: string };

/**
 * The client's auth with its defaults. `closedLoopUsers`: the users of a closed-loop client (each
 * holds one session, so `sessions` may only repeat that number), or null for an open-loop one.
 */
export function readClientAuth(
  auth: { issuer: string; sessions?: number | undefined; refreshBefore: number },
  closedLoopUsers: number | null,
  addIssue: (issue: Issue) => void,
): ClientAuthSpec {
  const sessions = auth.sessions ?? closedLoopUsers ?? CLIENT_AUTH_DEFAULTS.openLoopSessions;
  if (closedLoopUsers !== null && closedLoopUsers > 0 && sessions !== closedLoopUsers) {
    addIssue({
      path: ['auth', 'sessions'],
      message: `expected ${closedLoopUsers} (the users: in a closed loop each user holds one session), got ${sessions}; leave "sessions" out`,
    });
  }
  return { issuer: auth.issuer, sessions, refreshBeforeMs: auth.refreshBefore };
}
