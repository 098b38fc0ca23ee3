import type { Call } from '../call';
import { Sampler } from '../distributions';
import { streamFor, type RandomStream } from '../random';
import type { Simulation } from '../simulation';
import type { IdentitySpec, ServiceSpec } from '../spec';
import type { PlanContext } from './node-runtime';
import { StationRuntime } from './station';

/**
 * An identity provider: a service whose successful answer is a token signed with its current key,
 * valid for a `tokenLifetime` draw. The MFA step is its first downstream call (for the classes
 * that need it), so a failing second factor fails the sign-in.
 */
export class IdentityRuntime extends StationRuntime {
  readonly identity: IdentitySpec;
  signingKey = -1;
  private readonly lifetime: Sampler;
  private readonly lifetimeRng: RandomStream;
  tokensIssued = 0;

  constructor(index: number, spec: IdentitySpec, seed: number) {
    const mfaCall = spec.mfa === null ? [] : [{ to: spec.mfa.via, when: spec.mfa.when, timeoutMs: spec.mfa.timeoutMs, retry: spec.mfa.retry, circuitBreaker: null }];
    const asService: ServiceSpec = { ...spec, kind: 'service', calls: [...mfaCall, ...spec.calls] };
    super(index, asService, seed);
    this.kind = 'identity';
    this.identity = spec;
    this.lifetime = new Sampler(spec.tokenLifetime);
    this.lifetimeRng = streamFor(seed, spec.id, 'token-lifetime');
  }

  override plan(ctx: PlanContext): void {
    super.plan(ctx);
    this.signingKey = ctx.keyIndex(this.identity.signingKey);
  }

  protected override beforeAnswer(sim: Simulation, call: Call): void {
    call.payload = this.signingKey;
    call.payload2 = sim.nowMs + this.lifetime.sample(this.lifetimeRng);
    this.tokensIssued++;
  }
}
