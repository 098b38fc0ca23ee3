/**
 * Output files (`--csv FILE`) are checked before a run starts, so a typo costs nothing instead
 * of a whole run; "-" means stdout. Writing can still fail later (a full disk): that is reported
 * as `file: problem` too, never as a stack trace.
 */
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const STDOUT = '-';

/** Why `file` cannot be written, or null if it can. Nothing is created or truncated. */
export function outputPathProblem(file: string): string | null {
  if (file === '') return 'expected a file name';
  const path = resolve(file);
  const existing = statOrNull(path);
  if (existing?.isDirectory()) return 'is a folder; expected a file name';
  if (existing !== null) return writable(path) ? null : 'cannot be written (permission denied)';
  const folder = dirname(path);
  const parent = statOrNull(folder);
  if (parent === null) return `cannot be created: no such folder ${folder}`;
  if (!parent.isDirectory()) return `cannot be created: ${folder} is not a folder`;
  return writable(folder) ? null : `cannot be created: ${folder} is not writable (permission denied)`;
}

/** Writes `text` to `file`; a message naming the reason if that fails. */
export function writeOutput(file: string, text: string): string | null {
  try {
    writeFileSync(file, text);
    return null;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return `could not be written (${e.code ?? e.message})`;
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
