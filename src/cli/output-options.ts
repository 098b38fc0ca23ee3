/** `--csv FILE | -` beside `--json`: checked before a run or sweep starts. */
import type { Io } from './io.ts';
import { outputPathProblem, STDOUT } from './output-path.ts';
import { COMMAND_HELP, type CommandName } from './help.ts';

/** False (after saying why on stderr) when the options cannot all be honoured. */
export function checkOutputOptions(csv: string | undefined, json: boolean, command: CommandName, io: Io): boolean {
  if (csv === STDOUT && json) {
    io.err(`faultline ${command}: --csv - and --json both write to stdout; write the CSV to a file, or leave out --json\n\n${COMMAND_HELP[command]}\n`);
    return false;
  }
  if (csv === undefined || csv === STDOUT) return true;
  const problem = outputPathProblem(csv);
  if (problem === null) return true;
  io.err(`${csv}: ${problem}\n`);
  return false;
}
