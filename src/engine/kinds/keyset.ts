import type { Call } from '../call.ts';
import type { FaultApply, KindContext } from '../kind-context.ts';
import type { LiveNodeRow } from '../live-fields.ts';
import type { FaultSpec, KeysetSpec, ServiceSpec } from '../spec.ts';
import type { PlanContext } from './node-runtime.ts';
import { StationRuntime } from './station.ts';

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

  /** `removeKey`, `addKey` (a key the scenario names) and `restore` (the keys it started with). */
  override faultAction(sim: KindContext, fault: FaultSpec): FaultApply | null {
    const action = fault.action;
    if (action !== 'removeKey' && action !== 'addKey' && action !== 'restore') return super.faultAction(sim, fault);
    const key = fault.params.key === undefined ? -1 : sim.keyIndex(fault.params.key);
    return () => {
      const before = this.publishedMask;
      if (action === 'restore') this.restore();
      else if (key >= 0 && action === 'removeKey') this.removeKey(key);
      else if (key >= 0) this.addKey(key);
      return () => (this.publishedMask = before);
    };
  }

  /** A key set's fetches are the requests it serves. */
  override writeLive(row: LiveNodeRow): void {
    super.writeLive(row);
    row.set('publishedKeys', this.publishedMask);
    row.set('missingKeys', row.keysNeeded & ~this.publishedMask);
    row.set('keysetFetchesPerSec', row.rate(this.seriesColumns.arrived));
  }

  protected override beforeAnswer(_sim: KindContext, call: Call): void {
    call.payload = this.publishedMask;
  }
}
