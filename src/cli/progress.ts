/**
 * Progress on stderr, only for runs that take longer than a second: a live line on a terminal,
 * a line per tenth of the run otherwise (CI logs stay readable).
 */
export class Progress {
  private readonly startedMs = performance.now();
  private shown = false;
  private lastTenth = -1;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(simulatedMs: number, totalMs: number): void {
    const elapsedMs = performance.now() - this.startedMs;
    if (elapsedMs < 1000 || totalMs <= 0) return;
    const share = Math.min(1, simulatedMs / totalMs);
    const line = `simulating… ${(share * 100).toFixed(0)}% (${formatSeconds(simulatedMs)} of ${formatSeconds(totalMs)} simulated, ${(elapsedMs / 1000).toFixed(1)} s)`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}\u001b[K`);
      this.shown = true;
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.stream.write(`${line}\n`);
    }
  }

  done(): void {
    if (this.shown && this.stream.isTTY) this.stream.write('\r\u001b[K');
  }
}

function formatSeconds(ms: number): string {
  return ms >= 3_600_000 ? `${(ms / 3_600_000).toFixed(1)} h` : ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}
