import type { AlertBoard } from './alerts/board.ts';
import type { NodeRuntime } from './kinds/node-runtime.ts';
import type { KindContext } from './kind-context.ts';
import type { LinkRuntime } from './link.ts';
import type { LinkColumns } from './link-sampler.ts';
import type { SeriesRecorder } from './series.ts';
import type { ScenarioSpec } from './spec.ts';

/**
 * The simulation as the modules around its loop read it — faults, live state, patches, the
 * report, the run guard: the graph, the series and the counters. The simulation implements it;
 * those modules never import the simulation (no import loop in the engine).
 */
export interface EngineState extends KindContext {
  readonly spec: ScenarioSpec;
  readonly endMs: number;
  readonly eventCount: number;
  readonly nodes: readonly NodeRuntime[];
  readonly links: readonly LinkRuntime[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly linkIndex: ReadonlyMap<string, number>;
  /** Key ids by index (bit positions in key-set masks). */
  readonly keyNames: readonly string[];
  readonly series: SeriesRecorder;
  /** Series columns of each link, by link index. */
  readonly linkColumns: readonly LinkColumns[];
  /** Alerting (scenarios with alerts), else null. */
  readonly alerts: AlertBoard | null;
  /** Keys the identity providers sign new tokens with now. */
  signingKeysMask(): number;
}
