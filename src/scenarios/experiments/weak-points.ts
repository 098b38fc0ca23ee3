/**
 * Built-in weak-points analyses (docs/experiments.md "Weak points"): a built-in scenario with every
 * single failure tried. `faultline sweep <id>` runs one, as `sweep <scenario> --single-failures`
 * would; the Weak points panel and `faultline list` list them beside the sweeps.
 */
export interface BuiltinWeakPoints {
  id: string;
  /** The built-in scenario (src/scenarios) it analyses. */
  scenario: string;
  reference: string;
  title: string;
  howToRead: string;
  /** When the failure starts and how long it lasts; absent: the analysis' defaults (a third of the run, for a sixth). */
  at?: string;
  for?: string;
  /** The components to try; absent: every node a crash applies to and every link. */
  only?: string[];
}

export const builtinWeakPoints: BuiltinWeakPoints[] = [
  {
    id: 'checkout-weak-points',
    scenario: 'checkout',
    reference: 'checkout',
    title: 'Checkout: every single failure, tried',
    howToRead:
      'Each row is one component failed alone for 30 s from 1 min (the scenario\'s own crash left out), on the same seed as the healthy run. The two instances behind the balancer are redundant: crashing one costs a little. The balancer, the database and the shoppers\' only link are single points of failure and lose every request while down. A link from the balancer to an instance costs more than that instance\'s crash: the balancer notices a crashed instance and stops sending to it, but not a dead link in front of a healthy one.',
  },
  {
    id: 'redundant-links-weak-points',
    scenario: 'redundant-links',
    reference: 'issue 13',
    title: 'Two links at 80%: which single link hurts most',
    at: '35m',
    for: '10m',
    only: ['building-a-lan-1', 'building-a-lan-2', 'building-b-lan-1', 'building-b-lan-2', 'cable-1', 'cable-2'],
    howToRead:
      "Each row is one link of the network taken down alone for 10 minutes from 35m, when calls have grown to load each cable at 80% (the scenario's growth kept, its cable cut left out), on the same seed as the healthy run. The buildings' spare uplinks cost nothing: one uplink carries its building alone. Either cable costs over a third of all calls, in both buildings: at 80% the pair is no longer redundant — the surviving cable must carry 160% of what it can. The router and the call servers are single boxes in this model (crash either and every call fails: `faultline sweep redundant-links --single-failures` tries them too); this analysis asks the network's question.",
  },
];

export function findBuiltinWeakPoints(id: string): BuiltinWeakPoints | undefined {
  return builtinWeakPoints.find((w) => w.id === id);
}
