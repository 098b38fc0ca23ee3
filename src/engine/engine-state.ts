import type { AlertBoard } from './alerts/board';
import type { NodeRuntime } from './kinds/node-runtime';
import type { KindContext } from './kind-context';
import type { LinkRuntime } from './link';
import type { LinkColumns } from './link-sampler';
import type { SeriesRecorder } from './series';
import type { ScenarioSpec } from './spec';

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
