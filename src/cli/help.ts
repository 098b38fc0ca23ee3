/** Usage text: the overview (`faultline --help`) and one page per command (`faultline help run`). */
import { SCENARIO_LIMITS } from '../scenario/index.ts';

const MB = 1024 * 1024;

export const COMMAND_HELP = {
  run: `Usage: faultline run <scenario.json | built-in id | -> [options]

Runs one scenario to its end and prints a summary (tables), or the report as JSON.
  -                 read the scenario from stdin
  --seed N          the random seed (a whole number ≥ 0), overriding the file's
  --duration D      simulated time, e.g. 90s, 10m, 2h, overriding the file's
  --json            print the report as one JSON document (docs/report.md)
  --csv FILE        also write the time series as CSV; FILE "-" writes it to stdout instead
                    of the summary (not with --json)
  --no-timing       leave the wall-clock time out (wallMs), so two runs' output is identical
  -h, --help        this help

Examples:
  faultline run mm1 --duration 2h --json > report.json
  faultline run my-system.json --seed 7 --csv series.csv
  cat my-system.json | faultline run - --json --no-timing`,

  validate: `Usage: faultline validate <scenario.json | -> [more files…] [--format text|json|github]

Checks each file and lists every problem with its path in the file (and its line and column
where the text has one). Exit 1 if any file has a problem.
  -                 read a scenario from stdin
  --format text     "file:line:column: path: problem" on stderr, "file: ok" on stdout (default)
  --format json     one JSON document on stdout: every file, its problems and warnings
  --format github   GitHub Actions annotations (::error file=…,line=…,col=…::…) on stdout
  -h, --help        this help`,

  list: `Usage: faultline list [--json]

The built-in scenarios (for \`faultline run\`) and experiments (for \`faultline sweep\`).
  --json            one JSON document: { scenarios: [...], experiments: [...] }
  -h, --help        this help`,

  sweep: `Usage: faultline sweep <scenario.json | built-in experiment id | -> [options]

Runs every (value, seed) of the document's \`experiment\` on worker threads and prints, per
metric, statistics across the seeds for each value (docs/experiments.md). Ctrl-C cancels.
  -                 read the document from stdin
  --workers N       threads (1–64; default: one per core, at most 8). Results do not depend on it
  --json            print the results as one JSON document (docs/report.md)
  --csv FILE        also write one row per run as CSV; FILE "-" writes it to stdout instead of
                    the tables (not with --json)
  --no-timing       leave the wall-clock time out of the table heading
  -h, --help        this help`,

  help: `Usage: faultline help [command]

Shows the overview, or one command's options.`,
} as const;

export type CommandName = keyof typeof COMMAND_HELP;

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_HELP, name);
}

export const OVERVIEW = `Usage: faultline <command> [options]

Commands:
  run <file | id | ->         run a scenario; a summary, --json report or --csv series
  validate <files… | ->       check scenario files (--format text|json|github)
  list [--json]               the built-in scenarios and experiments
  sweep <file | id | ->       run an experiment over values × seeds on worker threads
  help [command]              the overview, or a command's options (also: <command> --help)

Options: --version, --help.
Files are faultline.scenario/v1 JSON (docs/format.md), at most ${SCENARIO_LIMITS.maxTextBytes / MB} MB; "-" reads stdin.
Exit codes: 0 ok, 1 simulation or validation failure, 2 bad usage.`;
