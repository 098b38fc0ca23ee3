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
];

export function findBuiltinWeakPoints(id: string): BuiltinWeakPoints | undefined {
  return builtinWeakPoints.find((w) => w.id === id);
}
