/** Bad usage (exit 2): an unknown option, a missing argument, a value of the wrong kind. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  /** The command whose usage to show under the message ("run"), or undefined for the overview. */
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parseArgs, strict, with `--help`/`-h` on every command and its errors as UsageError. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
}
