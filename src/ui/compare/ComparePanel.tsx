/**
 * Compare: the scenario on the canvas (A, "as is") against one change (B), both run to their
 * ends in Web Workers on the same seed — so on the same traffic (docs/compare.md) — then read
 * side by side. Mounted lazily by CompareButton.tsx. What A is and what B can be comes from a
 * compare worker (chooser.ts): the page carries no parser (issue 16).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type JSX } from 'react';
import { compareReports, diffDocuments, sameTraffic, type Comparison, type Variant } from '../../compare/facts.ts';
import type { CompareChoices } from '../../../workers/protocol.ts';
import { useGraphStore } from '../../store/graph-store.ts';
import { formatSimTime } from '../run/format-run.ts';
import { ChangeChooser } from './ChangeChooser.tsx';
import { CompareResults } from './CompareResults.tsx';
import { createCompareChooser, type CompareChooser } from './chooser.ts';
import { browserCompareThread, runPair, type PairProgress } from './run-pair.ts';
import './compare.css';

/** "Compare the first …" choices; only those shorter than the scenario are offered. */
const CAPS_MS = [60_000, 10 * 60_000, 60 * 60_000, 3 * 60 * 60_000];

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; progress: PairProgress }
  | { kind: 'done'; comparison: Comparison; changeLabel: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; messages: string[] };

/** `active`: the dialog is open. While closed, A is frozen: a drag on the canvas must not re-derive every suggestion per frame. */
export function ComparePanel({ active }: { active: boolean }): JSX.Element {
  const headingId = useId();
  const capId = useId();
  const liveDoc = useGraphStore((s) => s.document) as unknown as Record<string, unknown>;
  const [variant, setVariant] = useState<Variant | null>(null);
  const [capMs, setCapMs] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [doc, setDoc] = useState(liveDoc);
  useEffect(() => {
    if (!active || liveDoc === doc) return;
    setDoc(liveDoc);
    // results of another document would read as this one's; a run in progress finishes and shows its own label
    setStatus((current) => (current.kind === 'running' ? current : { kind: 'idle' }));
  }, [active, liveDoc, doc]);
  const chooser = useChooser();
  const { choices, current } = useChoices(chooser, doc);
  const parsedA = current ? (choices?.a ?? null) : null;
  const controller = useRef<AbortController | null>(null);
  const running = status.kind === 'running';
  const durationMs = parsedA?.ok ? parsedA.durationMs : 0;
  const traffic = useMemo(() => (variant ? sameTraffic(doc, diffDocuments(doc, variant.doc)) : null), [doc, variant]);

  useEffect(() => () => controller.current?.abort(), []);
  const onVariant = useCallback((next: Variant | null) => setVariant(next), []);

  async function run(): Promise<void> {
    if (!variant || !parsedA?.ok) return;
    const abort = new AbortController();
    controller.current = abort;
    setStatus({ kind: 'running', progress: { a: 0, b: 0 } });
    try {
      // both cut to the same length in their workers (the page cannot parse A to see how long it is)
      const outcome = await runPair(doc, variant.doc, { signal: abort.signal, capMs, onProgress: (progress) => setStatus({ kind: 'running', progress }) });
      if (outcome.kind === 'cancelled') setStatus({ kind: 'cancelled' });
      else if (outcome.kind === 'failed') setStatus({ kind: 'error', messages: outcome.errors.map((e) => `${outcome.side}: ${e}`) });
      else setStatus({ kind: 'done', comparison: compareReports(outcome.a, outcome.b, outcome.faultsA), changeLabel: variant.label });
    } catch (error) {
      setStatus({ kind: 'error', messages: [error instanceof Error ? error.message : String(error)] });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  return (
    <section className="fl-compare" aria-labelledby={headingId}>
      <h2 id={headingId}>Compare: what if we had…</h2>
      <p className="fl-compare-intro">
        A is the scenario on the canvas as it is; B is the same scenario with one change. Both run on the same seed, so they see the same
        arrivals, and every difference comes from the change.
      </p>
      {choices === null ? (
        <p role="status" className="fl-compare-status">Reading the scenario…</p>
      ) : !choices.a.ok ? (
        <ul role="alert" className="fl-compare-error">
          {choices.a.errors.map((line) => <li key={line}>{line}</li>)}
        </ul>
      ) : (
        <>
          <ChangeChooser doc={doc} fixes={choices.fixes} suggestions={choices.suggestions} pathEdit={chooser.pathEdit} disabled={running} onChange={onVariant} />
          {traffic && (
            <p className="fl-compare-traffic">
              {traffic.same ? 'Same traffic in A and B (common random numbers).' : `The traffic differs between A and B: ${traffic.reasons.join('; ')}.`}
            </p>
          )}
          <div className="fl-compare-controls">
            <label htmlFor={capId}>Run length</label>
            <select id={capId} value={capMs ?? ''} disabled={running} onChange={(e) => setCapMs(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">{`the whole run (${formatSimTime(durationMs)})`}</option>
              {CAPS_MS.filter((cap) => cap < durationMs).map((cap) => <option key={cap} value={cap}>{`the first ${formatSimTime(cap)}`}</option>)}
            </select>
            {running ? (
              <button type="button" className="fl-button" onClick={() => controller.current?.abort()}>Cancel</button>
            ) : (
              <button type="button" className="fl-button" disabled={!variant || !parsedA?.ok} onClick={() => void run()}>Run A and B</button>
            )}
          </div>
        </>
      )}
      <StatusLine status={status} />
      {status.kind === 'done' && <CompareResults comparison={status.comparison} changeLabel={status.changeLabel} />}
    </section>
  );
}

/** The dialog's compare worker for choices: one while the panel is mounted. */
function useChooser(): CompareChooser {
  const [chooser] = useState(() => createCompareChooser(browserCompareThread));
  useEffect(() => () => chooser.close(), [chooser]);
  return chooser;
}

/**
 * The worker's choices for `doc` (null until the first come). While a newer document's are on
 * their way the last ones stay on screen (`current` false: nothing runs on them), so the chooser
 * keeps what was typed; an answer for an older document never replaces a newer one's.
 */
function useChoices(chooser: CompareChooser, doc: Record<string, unknown>): { choices: CompareChoices | null; current: boolean } {
  const [answer, setAnswer] = useState<{ doc: Record<string, unknown>; choices: CompareChoices } | null>(null);
  useEffect(() => {
    let current = true;
    chooser.choices(doc).then(
      (choices) => current && setAnswer({ doc, choices }),
      (error: unknown) => current && setAnswer({ doc, choices: { a: { ok: false, errors: [error instanceof Error ? error.message : String(error)] }, fixes: [], suggestions: [] } }),
    );
    return () => {
      current = false;
    };
  }, [chooser, doc]);
  return { choices: answer?.choices ?? null, current: answer?.doc === doc };
}

function StatusLine({ status }: { status: Status }): JSX.Element | null {
  switch (status.kind) {
    case 'running': {
      const percent = (share: number) => Math.round(share * 100);
      return (
        <div className="fl-compare-status">
          <progress aria-label="A: as is, progress" value={status.progress.a} max={1} />
          <progress aria-label="B: with the change, progress" value={status.progress.b} max={1} />
          <span role="status">{`Running in two workers: A ${percent(status.progress.a)}%, B ${percent(status.progress.b)}%`}</span>
        </div>
      );
    }
    case 'cancelled':
      return <p role="status" className="fl-compare-status">Cancelled: neither run is shown.</p>;
    case 'error':
      return (
        <ul role="alert" className="fl-compare-status fl-compare-error">
          {status.messages.map((m) => <li key={m}>{m}</li>)}
        </ul>
      );
    case 'done':
      return <p role="status" className="fl-compare-status">Both runs finished.</p>;
    default:
      return null;
  }
}
