/** Built-in scenarios: data files with their narratives, in the order the library shows them. */
import checkout from './checkout.json';
import s1 from './s1-mm1.json';
import s2 from './s2-pooling.json';
import s3 from './s3-retry-amplification.json';
import s6 from './s6-failover-at-80.json';

export interface BuiltinScenario {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  /** The REFERENCE-SCENARIOS.md name ("S1"…), if it is one; the CLI accepts it as an id. */
  reference?: string;
  /** The raw `faultline.scenario/v1` document. */
  scenario: unknown;
}

export const builtinScenarios: BuiltinScenario[] = [
  { id: 'checkout', title: checkout.name, summary: 'A server crashes behind a load balancer that notices 5 s late.', tags: ['balancer', 'crash', 'retries'], scenario: checkout },
  { id: 'mm1', title: s1.name, summary: 'The textbook single-server queue, checked against theory.', tags: ['theory', 'queueing'], reference: 'S1', scenario: s1 },
  { id: 'mmc-pooling', title: s2.name, summary: 'Four workers on one queue against four queues of one.', tags: ['theory', 'queueing', 'balancer'], reference: 'S2', scenario: s2 },
  { id: 'retry-amplification', title: s3.name, summary: 'Four attempts at each of three layers: 64× load on the database.', tags: ['retries', 'cascading failure'], reference: 'S3', scenario: s3 },
  { id: 'failover-at-80', title: s6.name, summary: 'Two links at 80% are not redundancy: losing one drops 37.5%.', tags: ['links', 'failover', 'capacity'], reference: 'S6', scenario: s6 },
];

/** A built-in by id, or by its reference name ("S1", case-insensitive). */
export function findBuiltin(id: string): BuiltinScenario | undefined {
  return builtinScenarios.find((s) => s.id === id || s.reference?.toLowerCase() === id.toLowerCase());
}
