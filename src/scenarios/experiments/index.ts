/**
 * Built-in experiments: scenario documents with an `experiment` (docs/experiments.md), each with
 * what to plot and one sentence on how to read the plot. The CLI takes their ids
 * (`faultline sweep s4-collapse`); the Experiments panel lists them.
 */
import s1 from './s1-hockey-stick.json';
import s4 from './s4-collapse-probability.json';
import s8 from './s8-recovery-vs-refresh.json';

export interface ExperimentPlot {
  /** The metric on the y axis, as `collect` writes it. */
  metric: string;
  /** The line through the seeds: `mean` for probabilities (a 0/1 outcome) and theory checks, else `median`. */
  line: 'mean' | 'median';
  xLabel: string;
  yLabel: string;
  /** Divide the parameter (a duration counts in ms) and the metric by these for display. */
  xDivide?: number;
  yDivide?: number;
  /** A theoretical curve to draw beside the data, in display units. */
  theory?: { label: string; y: (x: number) => number };
}

export interface BuiltinExperiment {
  id: string;
  /** The REFERENCE-SCENARIOS.md scenario it sweeps. */
  reference: string;
  title: string;
  howToRead: string;
  plot: ExperimentPlot;
  /** The raw `faultline.scenario/v1` document, `experiment` included. */
  document: unknown;
}

export const builtinExperiments: BuiltinExperiment[] = [
  {
    id: 's1-hockey-stick',
    reference: 'S1',
    title: 'M/M/1: mean latency against utilisation',
    howToRead:
      'Each point is the mean latency over four long runs at one utilisation, the band spans the runs, and the dashed line is theory, 1/(μ − λ): latency stays flat until about ρ = 0.7 and then climbs without bound as ρ → 1 — the last 10% of utilisation costs more than the first 90%.',
    plot: {
      metric: 'meanLatency(api)',
      line: 'mean',
      xLabel: 'utilisation ρ = λ/μ',
      yLabel: 'mean latency (s)',
      xDivide: 10,
      yDivide: 1000,
      theory: { label: '1/(μ − λ)', y: (rho) => 0.1 / (1 - rho) },
    },
    document: s1,
  },
  {
    id: 's4-collapse',
    reference: 'S4',
    title: 'Retry storm: collapse probability against trigger length',
    howToRead:
      'The line is the share of 20 seeds still collapsed at the end of the run after a load spike of that length: short spikes never tip the system over, long ones always do, and in between the same spike collapses some runs and not others — the cliff is a probability, not a threshold.',
    plot: { metric: 'collapsed(clients)', line: 'mean', xLabel: 'trigger length (s at 80/s)', yLabel: 'collapse probability', xDivide: 1000 },
    document: s4,
  },
  {
    id: 's8-recovery',
    reference: 'S8',
    title: 'Key removal: time to recover against refresh interval',
    howToRead:
      'Each dot is one seed: the minutes from the key set\'s restore until the last replica trusts the key again; they sit just under the diagonal (recovery ≈ refresh interval), because a cache that does not re-fetch on an unknown key recovers only at its next scheduled refresh.',
    plot: { metric: 'recoverySeconds(api, 35m)', line: 'median', xLabel: 'key-set refresh interval (min)', yLabel: 'time to recover (min)', xDivide: 60_000, yDivide: 60 },
    document: s8,
  },
];

/** A built-in experiment by id, or by its reference name ("S4", case-insensitive). */
export function findBuiltinExperiment(id: string): BuiltinExperiment | undefined {
  return builtinExperiments.find((e) => e.id === id || e.reference.toLowerCase() === id.toLowerCase());
}
export { builtinWeakPoints, findBuiltinWeakPoints, type BuiltinWeakPoints } from './weak-points.ts';
