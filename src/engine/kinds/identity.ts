import type { Call } from '../call.ts';
import { Sampler } from '../distributions.ts';
import { streamFor, type RandomStream } from '../random.ts';
import type { FaultApply, KindContext } from '../kind-context.ts';
import type { LiveNodeRow } from '../live-fields.ts';
import type { FaultSpec, IdentitySpec, ServiceSpec } from '../spec.ts';
import type { PlanContext } from './node-runtime.ts';
import { StationRuntime } from './station.ts';

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

  /** `setSigningKey`: new tokens are signed with another key (one the scenario names). */
  override faultAction(sim: KindContext, fault: FaultSpec): FaultApply | null {
    if (fault.action !== 'setSigningKey') return super.faultAction(sim, fault);
    const key = fault.params.key === undefined ? -1 : sim.keyIndex(fault.params.key);
    if (key < 0) return null;
    return () => {
      const before = this.signingKey;
      this.signingKey = key;
      return () => (this.signingKey = before);
    };
  }

  override signingKeys(): number {
    return this.signingKey >= 0 ? 1 << this.signingKey : 0;
  }

  override writeLive(row: LiveNodeRow): void {
    super.writeLive(row);
    row.set('signingKey', this.signingKey);
  }

  protected override beforeAnswer(sim: KindContext, call: Call): void {
    call.payload = this.signingKey;
    call.payload2 = sim.nowMs + this.lifetime.sample(this.lifetimeRng);
    this.tokensIssued++;
  }
}
