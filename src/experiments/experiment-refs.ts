/**
 * A rename or a delete on the canvas follows into the document's `experiment`: its paths
 * (`nodes[api].workers`, `links[users-api].latency`, in `vary` and `vary.with`) and its metrics'
 * targets (`p99(api)`). Without this, an experiment would name a node no longer there and the
 * whole document would stop parsing. Host-free; the graph store calls it.
 */
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The part of `path` after `nodes[id]`, or undefined when the path is not about that item. */
function afterItem(path: unknown, list: 'nodes' | 'links', id: string): string | undefined {
  if (typeof path !== 'string') return undefined;
  const prefix = `${list}[${id}]`;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  return rest === '' || rest.startsWith('.') || rest.startsWith('[') ? rest : undefined;
}

function renamePath(path: unknown, list: 'nodes' | 'links', oldId: string, newId: string): unknown {
  const rest = afterItem(path, list, oldId);
  return rest === undefined ? path : `${list}[${newId}]${rest}`;
}

const METRIC = /^(\s*[A-Za-z][A-Za-z0-9]*\s*\(\s*)([^,()]*?)(\s*(?:,[^()]*)?\)\s*)$/;

const metricTarget = (metric: unknown): string | undefined => (typeof metric === 'string' ? METRIC.exec(metric)?.[2] : undefined);

function renameMetric(metric: unknown, oldId: string, newId: string): unknown {
  const match = typeof metric === 'string' ? METRIC.exec(metric) : null;
  return match && match[2] === oldId ? `${match[1]}${newId}${match[3]}` : metric;
}

/** The experiment with `oldId` (a node's or a link's) renamed; the same object when nothing names it. */
export function renameInExperiment(experiment: unknown, list: 'nodes' | 'links', oldId: string, newId: string): unknown {
  if (!isRecord(experiment)) return experiment;
  const next = structuredClone(experiment);
  const vary = next.vary;
  if (isRecord(vary)) {
    vary.path = renamePath(vary.path, list, oldId, newId);
    if (Array.isArray(vary.with)) for (const also of vary.with) if (isRecord(also)) also.path = renamePath(also.path, list, oldId, newId);
  }
  // metrics name nodes only
  if (list === 'nodes' && Array.isArray(next.collect)) next.collect = next.collect.map((m) => renameMetric(m, oldId, newId));
  return JSON.stringify(next) === JSON.stringify(experiment) ? experiment : next;
}

/**
 * The experiment once the `doomed` nodes or links are deleted: undefined when it sweeps one of
 * them (nothing is left to sweep) or every metric it collects was about them; else without the
 * metrics of deleted nodes; the same object when nothing names them.
 */
export function forgetInExperiment(experiment: unknown, list: 'nodes' | 'links', doomed: ReadonlySet<string>): unknown {
  if (!isRecord(experiment)) return experiment;
  const paths = isRecord(experiment.vary) ? [experiment.vary.path, ...(Array.isArray(experiment.vary.with) ? experiment.vary.with.map((w: unknown) => (isRecord(w) ? w.path : undefined)) : [])] : [];
  if (paths.some((path) => [...doomed].some((id) => afterItem(path, list, id) !== undefined))) return undefined;
  if (list !== 'nodes' || !Array.isArray(experiment.collect)) return experiment;
  const collect = experiment.collect.filter((m: unknown) => !doomed.has(metricTarget(m) ?? ''));
  if (collect.length === experiment.collect.length) return experiment;
  return collect.length === 0 ? undefined : { ...experiment, collect };
}
