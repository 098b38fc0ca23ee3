/** Usage text: the overview (`faultline --help`) and one page per command (`faultline help run`). */
import { SCENARIO_LIMITS } from '../scenario/index.ts';

const MB = 1024 * 1024;

export const COMMAND_HELP = {
  run: `Usage: faultline run <scenario.json | built-in id | -> [options]

Runs one scenario to its end and prints a summary (tables), or the report as JSON. A scenario
with an \`expect\` list gets a pass/fail table after the summary (the report's \`expect\` in
JSON) and exit 1 if any assertion fails.
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
  --json            one JSON document: { scenarios: [...], experiments: [...], weakPoints: [...] }
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
  --shard K/N       run only shard K of N (runs whose index mod N = K − 1) and print them as
                    a part (JSON) for \`faultline merge\`; index/N takes K − 1 from
                    JOB_COMPLETION_INDEX (a Kubernetes Indexed Job)
  -h, --help        this help

Weak points — every single failure, tried (any scenario; docs/experiments.md "Weak points"):
  --single-failures one run per node (crashed) and per link (down), parallel links included,
                    plus the scenario as it is (its own faults left out), all on the same seeds;
                    prints the components ranked by goodput lost, peak error rate, time to
                    recover and whether an alert fired (--json, --csv as above)
  --at D            when the failure starts (default: a third of the run)
  --for D           how long it lasts (default: a sixth of the run)
  --only ID,ID      try only these nodes and links
  --seeds S,S       these seeds (default: the scenario's own)
A built-in analysis (\`faultline list\`) needs no flag: faultline sweep checkout-weak-points

Examples:
  faultline sweep my-sweep.json --csv runs.csv
  faultline sweep my-sweep.json --shard 2/3 > part-2.json
  faultline sweep checkout --single-failures --at 1m --for 30s --csv ranking.csv`,

  merge: `Usage: faultline merge <part.json…> [--json] [--csv FILE|-]

Joins the parts that \`faultline sweep --shard K/N\` printed, all N of them, into exactly what the
unsharded sweep prints (docs/experiments.md, "Across machines"). A part of another sweep, a shard
given twice or missing is refused, naming it; nothing is printed then.
  --json            print the results as one JSON document (docs/report.md)
  --csv FILE        also write one row per run as CSV; FILE "-" writes it to stdout instead of
                    the tables (not with --json)
  --no-timing       accepted as by sweep (merged results carry no wall-clock time)
  -h, --help        this help

Example:
  faultline merge parts/part-*.json --json > results.json`,

  test: `Usage: faultline test [files or folders…] [options]

Runs every scenario that has an \`expect\` list (docs/format.md "Expectations") to its end on
worker threads and checks its assertions: one line per file, each failure under it with its line
in the file, then "N passed, M failed". In a folder (searched recursively, default "."), every
.json file that is a faultline scenario is tested; other JSON is passed over, scenarios without
\`expect\` are skipped. A name that is no file or folder may be a built-in id.
Exit 0 when every file passed, 1 when one failed, was invalid or none was tested, 2 on bad usage.
  --workers N             threads (1–64; default: one per core, at most 8)
  --reporter junit=FILE   also write JUnit XML to FILE (one testcase per assertion)
  --reporter github       also print GitHub Actions annotations (::error file=…,line=…::…)
  -h, --help              this help

Examples:
  faultline test resilience/
  faultline test resilience/ --reporter junit=faultline.xml --reporter github`,

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
  merge <parts…>              join the parts of a sweep run with --shard K/N
  test [files | folders…]     check the \`expect\` lists of many scenarios (CI; junit, github)
  help [command]              the overview, or a command's options (also: <command> --help)

Options: --version, --help.
Files are faultline.scenario/v1 JSON (docs/format.md), at most ${SCENARIO_LIMITS.maxTextBytes / MB} MB; "-" reads stdin.
Exit codes: 0 ok, 1 simulation or validation failure or a failed expectation, 2 bad usage.`;
