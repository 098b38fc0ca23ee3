/**
 * `faultline <command>`: dispatches to a command and returns its exit code — 0 ok, 1 simulation
 * or validation failure, 2 bad usage. Results go to stdout, everything else to stderr; every
 * message starts with what it is about (`file: problem`, `faultline run: …`).
 *
 * Commands are imported when used: `--version`, `help` and `list` never load the engine or zod,
 * which keeps their start-up near Node's own (docs/performance.md, "CLI").
 */
import { COMMAND_HELP, isCommand, OVERVIEW } from './help.ts';
import { processIo, type Io } from './io.ts';
import { UsageError } from './usage.ts';
import { FAULTLINE_VERSION } from './version.ts';

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await (await import('./run-command.ts')).runCommand(rest, io);
      case 'validate':
        return await (await import('./validate-command.ts')).validateCommand(rest, io);
      case 'sweep':
        return await (await import('./sweep.ts')).sweepCommand(rest, io);
      case 'merge':
        return await (await import('./merge-command.ts')).mergeCommand(rest, io);
      case 'test':
        return await (await import('./test-command.ts')).testCommand(rest, io);
      case 'list':
        return (await import('./list-command.ts')).listCommand(rest, io);
      case '--version':
      case '-v':
        io.out(`${FAULTLINE_VERSION}\n`);
        return 0;
      case 'help':
      case '--help':
      case '-h':
        return help(rest, io);
      case undefined:
        io.err(`${OVERVIEW}\n`);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const usage = error.command !== undefined && isCommand(error.command) ? COMMAND_HELP[error.command] : OVERVIEW;
      io.err(`faultline${error.command === undefined ? '' : ` ${error.command}`}: ${error.message}\n\n${usage}\n`);
      return 2;
    }
    // A bug, not a user's mistake: the stack is what a bug report needs.
    io.err(`faultline: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

function help(args: string[], io: Io): number {
  const [topic, ...extra] = args;
  if (topic === undefined) {
    io.out(`${OVERVIEW}\n`);
    return 0;
  }
  if (extra.length > 0 || !isCommand(topic)) throw new UsageError(`help: no command "${[topic, ...extra].join(' ')}"`);
  io.out(`${COMMAND_HELP[topic]}\n`);
  return 0;
}
