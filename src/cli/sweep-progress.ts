/** The progress of whole runs on worker threads (a sweep, a single-failures analysis), on stderr. */
/** Like progress.ts for runs: a live line on a terminal, a line per tenth otherwise, after 1 s. */
export class SweepProgressLine {
  private readonly startedMs = performance.now();
  private shown = false;
  private lastTenth = -1;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly what = 'sweeping…',
  ) {}

  update(done: number, total: number): void {
    const elapsedMs = performance.now() - this.startedMs;
    if (elapsedMs < 1000) return;
    const line = `${this.what} ${done} of ${total} runs (${((done / total) * 100).toFixed(0)}%, ${(elapsedMs / 1000).toFixed(1)} s)`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}\u001b[K`);
      this.shown = true;
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.stream.write(`${line}\n`);
    }
  }

  done(): void {
    if (this.shown && this.stream.isTTY) this.stream.write('\r\u001b[K');
  }
}
