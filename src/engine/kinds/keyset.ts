import type { Call } from '../call';
import type { Simulation } from '../simulation';
import type { KeysetSpec, ServiceSpec } from '../spec';
import type { PlanContext } from './node-runtime';
import { StationRuntime } from './station';

/**
 * The published signing-key metadata (a JWKS / discovery endpoint): a service whose successful
 * answer carries the set of keys it publishes at that moment. A fetch is a real request — it
 * queues, takes time, can fail — so a stampede of fetches is load like any other.
 */
export class KeysetRuntime extends StationRuntime {
  readonly keyset: KeysetSpec;
  initialMask = 0;
  publishedMask = 0;

  constructor(index: number, spec: KeysetSpec, seed: number) {
    const asService: ServiceSpec = { ...spec, kind: 'service' };
    super(index, asService, seed);
    this.kind = 'keyset';
    this.keyset = spec;
  }

  override plan(ctx: PlanContext): void {
    super.plan(ctx);
    this.initialMask = ctx.initialKeyMask(this.keyset.id);
    this.publishedMask = this.initialMask;
  }

  removeKey(key: number): void {
    this.publishedMask &= ~(1 << key);
  }

  addKey(key: number): void {
    this.publishedMask |= 1 << key;
  }

  restore(): void {
    this.publishedMask = this.initialMask;
  }

  protected override beforeAnswer(_sim: Simulation, call: Call): void {
    call.payload = this.publishedMask;
  }
}
