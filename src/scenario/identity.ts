/**
 * kind "identity": an identity provider. A station in every respect (workers, queue, calls…)
 * whose successful answer to a sign-in is a token signed with `signingKey`, valid for a
 * `tokenLifetime` draw; `mfa` adds a second factor, a call to another node that must succeed.
 */
import type { DistributionSpec, IdentitySpec } from '../engine/index.ts';
import { fields } from './fields.ts';
import { durationField } from './durations.ts';
import { distributionField } from './distributions.ts';
import { noRetry, retrySchema } from './retry.ts';
import { classSelectorField } from './calls.ts';
import { keyIdField, nodeRefField } from './values.ts';
import { readStation, stationShape, type StationDefaults } from './station.ts';
import { misplacedFields } from './misplaced.ts';

/** Defaults in the file's own notation (docs/format.md lists them): a service's, and Azure AD's token lifetime. */
export const IDENTITY_DEFAULTS = {
  workers: 1,
  serviceTime: { dist: 'exponential', mean: '10ms' },
  tokenLifetime: { dist: 'uniform', min: '60m', max: '90m' },
} as const satisfies StationDefaults & { tokenLifetime: unknown };

const mfaSchema = fields({
  via: nodeRefField('The node that performs the second factor (an MFA service); a link from the identity provider must lead there.'),
  when: classSelectorField('Only sign-ins of these request classes need the second factor. Default: every class.').optional(),
  timeout: durationField({ positive: true, absentMeans: 'no timeout', description: 'Per attempt at the MFA node. Default: none.' }).optional(),
  retry: retrySchema.optional(),
}).meta({ description: 'A second factor: a call to `via` that must succeed for the sign-in to succeed. Default: none.' });

/** The longest a draw can be, when the distribution is bounded (constant, uniform). */
function largestDraw(dist: DistributionSpec): number {
  if (dist.dist === 'constant') return dist.valueMs;
  if (dist.dist === 'uniform') return dist.maxMs;
  return Infinity;
}

export const identitySchema = fields(
  {
    ...stationShape('identity', IDENTITY_DEFAULTS),
    signingKey: keyIdField('The key id new tokens are signed with (a key set must list it for validators to trust them).'),
    tokenLifetime: distributionField('How long a token is valid, drawn per token. Default uniform 60–90 minutes (Azure AD access tokens).').prefault(
      IDENTITY_DEFAULTS.tokenLifetime,
    ),
    mfa: mfaSchema.optional(),
  },
  misplacedFields('identity'),
).transform((identity, ctx): IdentitySpec => {
  const addIssue = ({ path, message }: { path: (string | number)[]; message: string }) => ctx.addIssue({ code: 'custom', path, message });
  if (largestDraw(identity.tokenLifetime) === 0) {
    addIssue({ path: ['tokenLifetime'], message: 'expected a token lifetime that can be above 0, got always 0 (every token would be expired when issued)' });
  }
  const mfa = identity.mfa;
  return {
    kind: 'identity',
    ...readStation(identity, addIssue, mfa === undefined ? [] : [mfa.via]),
    auth: null,
    signingKey: identity.signingKey,
    tokenLifetime: identity.tokenLifetime,
    mfa: mfa === undefined ? null : { via: mfa.via, when: mfa.when ?? null, timeoutMs: mfa.timeout ?? Infinity, retry: mfa.retry ?? noRetry() },
  };
});
