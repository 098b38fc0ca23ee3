/**
 * Large layered graphs for benchmarks and canvas stress tests, as v1 documents:
 * clients → balancers → front services → mid services → databases, ~5% of nodes in each of the
 * first two layers and the rest split evenly. Deterministic for a given size.
 */
export function layeredGraph(nodeCount: number, ratePerClient = 300, duration = '10m'): Record<string, unknown> {
  const groups = Math.max(1, Math.round(nodeCount / 20));
  const perLayer = Math.max(1, Math.floor((nodeCount - 2 * groups) / 3));
  const nodes: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const linkTo = (from: string, to: string): void => {
    links.push({ id: `${from}-${to}`, from, to, latency: { dist: 'exponential', mean: '1ms' } });
  };
  const front = (i: number): string => `front-${i % perLayer}`;
  const mid = (i: number): string => `mid-${i % perLayer}`;
  for (let g = 0; g < groups; g++) {
    const targets = Array.from({ length: Math.ceil(perLayer / groups) }, (_, k) => front(g * Math.ceil(perLayer / groups) + k));
    const unique = [...new Set(targets)];
    nodes.push({ id: `users-${g}`, kind: 'client', rate: ratePerClient, target: `lb-${g}`, timeout: '2s', retry: { attempts: 2 } });
    nodes.push({ id: `lb-${g}`, kind: 'balancer', policy: 'leastOutstanding', targets: unique });
    linkTo(`users-${g}`, `lb-${g}`);
    for (const t of unique) linkTo(`lb-${g}`, t);
  }
  for (let i = 0; i < perLayer; i++) {
    nodes.push({ id: front(i), kind: 'service', workers: 8, serviceTime: { dist: 'exponential', mean: '10ms' }, calls: [{ to: mid(i), timeout: '1s' }, { to: mid(i + 1), timeout: '1s' }] });
    nodes.push({ id: mid(i), kind: 'service', workers: 8, serviceTime: { dist: 'exponential', mean: '5ms' }, calls: [{ to: `db-${i}`, timeout: '500ms' }] });
    nodes.push({ id: `db-${i}`, kind: 'database', workers: 16, serviceTime: { dist: 'lognormal', median: '3ms', p99: '30ms' } });
    linkTo(front(i), mid(i));
    if (perLayer > 1) linkTo(front(i), mid(i + 1));
    linkTo(mid(i), `db-${i}`);
  }
  return { format: 'faultline.scenario/v1', name: `Layered graph, ${nodes.length} nodes`, seed: 1, duration, sampleEvery: '1s', nodes, links };
}
