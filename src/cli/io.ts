/** Where the CLI writes: stdout for results, stderr for everything else (progress, problems, usage). */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The terminal's width when stdout is one; undefined when piped (lines are then never cut). */
  columns?: number;
}

/**
 * The process's own streams. A reader that closes the pipe early (`faultline run mm1 --json |
 * head -1`) ends the process quietly with exit 0 — what the reader asked for — instead of an
 * EPIPE stack trace; sweep threads end with it.
 */
export function processIo(): Io {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}
