/**
 * A rename on the canvas follows into the document's `experiment`: its paths (`nodes[api].workers`,
 * `links[users-api].latency`, in `vary` and `vary.with`) and its metrics' targets (`p99(api)`).
 * Without this, renaming a swept node would leave an experiment that names a node no longer
 * there, and the whole document would stop parsing. Host-free; the graph store calls it.
 */
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function renamePath(path: unknown, list: 'nodes' | 'links', oldId: string, newId: string): unknown {
  if (typeof path !== 'string') return path;
  const prefix = `${list}[${oldId}]`;
  if (!path.startsWith(prefix)) return path;
  const rest = path.slice(prefix.length);
  return rest === '' || rest.startsWith('.') || rest.startsWith('[') ? `${list}[${newId}]${rest}` : path;
}

const METRIC = /^(\s*[A-Za-z][A-Za-z0-9]*\s*\(\s*)([^,()]*?)(\s*(?:,[^()]*)?\)\s*)$/;

function renameMetric(metric: unknown, oldId: string, newId: string): unknown {
  if (typeof metric !== 'string') return metric;
  const match = METRIC.exec(metric);
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
