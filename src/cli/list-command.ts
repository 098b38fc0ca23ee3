/**
 * `faultline list [--json]`: the built-in scenarios (for `run`) and experiments (for `sweep`).
 * Columns take the width of their longest entry; on a terminal the last column is cut to fit
 * the line, while piped output keeps every word (for grep).
 */
import { builtinScenarios } from '../scenarios/index.ts';
import { builtinExperiments, builtinWeakPoints } from '../scenarios/experiments/index.ts';
import { COMMAND_HELP } from './help.ts';
import type { Io } from './io.ts';
import { parseCommandArgs, UsageError } from './usage.ts';

export function listCommand(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs('list', args, { json: { type: 'boolean' } });
  if (values.help) {
    io.out(`${COMMAND_HELP.list}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`list takes no arguments, got "${positionals[0]}"`, 'list');
  if (values.json) {
    io.out(`${JSON.stringify(listDocument())}\n`);
    return 0;
  }
  const scenarios = builtinScenarios.map((s) => [s.id, s.reference ?? '', `${s.title} — ${s.summary}`]);
  const experiments = [...builtinExperiments.map((e) => [e.id, e.reference, e.title]), ...builtinWeakPoints.map((w) => [w.id, w.reference, `${w.title} (weak points)`])];
  const out = [
    'Scenarios — faultline run <id>',
    ...table(['id', 'ref', 'title — summary'], scenarios, io.columns),
    '',
    'Experiments — faultline sweep <id>',
    ...table(['id', 'ref', 'title'], experiments, io.columns),
  ];
  io.out(`${out.join('\n')}\n`);
  return 0;
}

export function listDocument() {
  return {
    scenarios: builtinScenarios.map((s) => ({ id: s.id, reference: s.reference ?? null, title: s.title, summary: s.summary, tags: s.tags })),
    experiments: builtinExperiments.map((e) => ({ id: e.id, reference: e.reference, title: e.title, metric: e.plot.metric, howToRead: e.howToRead })),
    // single-failures analyses (`faultline sweep <id>` too), apart: they have no metric to plot
    weakPoints: builtinWeakPoints.map((w) => ({ id: w.id, scenario: w.scenario, title: w.title, howToRead: w.howToRead })),
  };
}

function table(headers: string[], rows: string[][], columns: number | undefined): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const last = headers.length - 1;
  const line = (cells: string[]): string => {
    const text = cells.map((c, i) => (i === last ? c : c.padEnd(widths[i]))).join('  ');
    return columns !== undefined && text.length > columns ? `${text.slice(0, Math.max(0, columns - 1))}…` : text;
  };
  return [line(headers), ...rows.map(line)];
}
