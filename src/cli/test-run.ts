/**
 * One file of `faultline test`, run to its end and its `expect` list checked: what a worker
 * thread (test-worker.ts) sends back. The document was parsed by the main thread already (for
 * messages with lines); it is parsed again here, where the run happens.
 */
import { parseScenario, formatIssue } from '../scenario/index.ts';
import { evaluateExpect, type ExpectReport } from '../expect/index.ts';
import { simulateGuarded, stoppedMessage } from './guarded-run.ts';

export type FileRun =
  | { ok: true; expect: ExpectReport; wallMs: number }
  /** The run could not finish: the run guard stopped it, or (a bug) it threw. */
  | { ok: false; problem: string; wallMs: number };

export function runFile(doc: unknown): FileRun {
  const started = performance.now();
  const wallMs = (): number => performance.now() - started;
  const parsed = parseScenario(doc);
  if (!parsed.ok) return { ok: false, problem: parsed.errors.map(formatIssue).join('; '), wallMs: wallMs() };
  const run = simulateGuarded(parsed.spec, () => {});
  if (!run.ok) return { ok: false, problem: stoppedMessage(run.reason).replace(/^faultline: /, '').trim(), wallMs: wallMs() };
  const expect = evaluateExpect(run.sim.report(0), parsed.expect ?? []);
  return { ok: true, expect, wallMs: wallMs() };
}
