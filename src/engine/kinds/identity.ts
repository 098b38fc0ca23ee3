import type { Call } from '../call';
import { Sampler } from '../distributions';
import { streamFor, type RandomStream } from '../random';
import type { FaultApply, KindContext } from '../kind-context';
import type { LiveNodeRow } from '../live-fields';
import type { FaultSpec, IdentitySpec, ServiceSpec } from '../spec';
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
