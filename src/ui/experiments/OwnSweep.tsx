/**
 * Sweep the scenario on the canvas: one numeric field (from sweep-fields.ts, or the one "Sweep
 * this…" asked for), its values (a list or a range), seeds and metrics — the CLI's `experiment`,
 * checked by the CLI's parser (sweep-form.ts; the parse and the plan in an experiment worker, as the
 * page carries no parser) and written into the document before it runs, so a
 * download carries it and `npx faultline sweep <file>` runs the same thing. A document that
 * already has an `experiment` (an opened file) preloads the form.
 */
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, type JSX } from 'react';
import {
  checkSweep,
  EMPTY_FORM,
  formFromExperiment,
  metricChoices,
  parseMetricLines,
  suggestedForm,
  sweepableFields,
  type FormPart,
  type FormProblem,
  type SweepCheck,
  type SweepField,
  type SweepForm,
} from '../../experiments/panel.ts';
import { browserWorkerCount, planSweepInWorker } from '../../experiments/browser-pool.ts';
import { graphActions, useGraphStore } from '../../store/graph-store.ts';
import { OwnSweepResults } from './OwnSweepResults.tsx';
import { SweepStatusLine } from './SweepStatusLine.tsx';
import { useSweepRun } from './use-sweep-run.ts';

const GROUPS: { group: SweepField['group']; label: string }[] = [
  { group: 'node', label: 'Nodes' },
  { group: 'link', label: 'Links' },
  { group: 'fault', label: 'Faults' },
  { group: 'scenario', label: 'Scenario' },
];

function initialForm(doc: Record<string, unknown>, path: string | null, fields: SweepField[]): SweepForm {
  if (path !== null) return suggestedForm(doc, path, fields);
  return formFromExperiment(doc.experiment) ?? EMPTY_FORM;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function OwnSweep({ request, onRunning }: { request: { path: string | null; n: number }; onRunning(running: boolean): void }): JSX.Element {
  const ids = { field: useId(), values: useId(), from: useId(), to: useId(), step: useId(), seeds: useId(), metrics: useId(), add: useId(), problems: useId(), metricsHint: useId() };
  const doc = useGraphStore((s) => s.document) as unknown as Record<string, unknown>;
  const loadCount = useGraphStore((s) => s.loadCount);
  const fields = useMemo(() => sweepableFields(doc), [doc]);
  const choices = useMemo(() => metricChoices(doc), [doc]);
  const [form, setForm] = useState<SweepForm>(() => initialForm(doc, request.path, fields));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [note, setNote] = useState('');
  const [toAdd, setToAdd] = useState('');
  const sweep = useSweepRun();
  const running = sweep.status.kind === 'running';
  const tellRunning = useEffectEvent((now: boolean) => onRunning(now));
  useEffect(() => tellRunning(running), [running]);

  // "Sweep this…" again: that field, with fresh suggestions
  const seenRequest = useRef(request.n);
  const startFresh = useEffectEvent((next: SweepForm) => {
    setForm(next);
    setProblems([]);
    setNote('');
    sweep.reset();
  });
  const takeRequest = useEffectEvent(() => {
    if (request.path !== null) startFresh(suggestedForm(doc, request.path, fields));
  });
  useEffect(() => {
    if (request.n === seenRequest.current) return;
    seenRequest.current = request.n;
    takeRequest();
  }, [request.n]);

  // another document opened (or New): its experiment, or an empty form
  const seenLoad = useRef(loadCount);
  const takeLoaded = useEffectEvent(() => startFresh(formFromExperiment(doc.experiment) ?? EMPTY_FORM));
  useEffect(() => {
    if (loadCount === seenLoad.current) return;
    seenLoad.current = loadCount;
    takeLoaded();
  }, [loadCount]);

  const update = (patch: Partial<SweepForm>): void => setForm((f) => ({ ...f, ...patch }));
  const chooseField = (path: string): void => {
    const suggested = suggestedForm(doc, path, fields);
    // a new field gets its own values; seeds and metrics the person chose stay
    setForm((f) => ({ ...suggested, seedsText: f.seedsText, metricsText: f.metricsText.trim() ? f.metricsText : suggested.metricsText }));
  };

  /** While a worker plans (Run or Save pressed): the buttons wait, so one press plans once. */
  const [planning, setPlanning] = useState(false);

  /** The form as the CLI's `experiment`, written into the document; undefined (and the problems shown) if refused. */
  async function save(): Promise<SweepCheck | undefined> {
    setPlanning(true);
    let check: SweepCheck;
    try {
      check = await checkSweep(doc, form, planSweepInWorker);
    } catch (error) {
      check = { ok: false, problems: [{ part: 'Scenario', message: error instanceof Error ? error.message : String(error) }] };
    } finally {
      setPlanning(false);
    }
    if (!check.ok) {
      setProblems(check.problems);
      setNote('');
      sweep.reset();
      return undefined;
    }
    setProblems([]);
    if (!sameJson(doc.experiment, check.experiment)) graphActions.setScenarioField('experiment', check.experiment);
    return check;
  }

  async function run(): Promise<void> {
    const check = await save();
    if (check?.ok) {
      setNote('');
      void sweep.run(check.plan);
    }
  }

  async function saveOnly(): Promise<void> {
    if (await save()) setNote('Saved in the scenario: File › Download carries it, and npx faultline sweep <file> runs the same sweep.');
  }

  function remove(): void {
    graphActions.setScenarioField('experiment', undefined);
    setNote('Removed from the scenario.');
  }

  function addMetric(): void {
    if (toAdd === '') return;
    const lines = parseMetricLines(form.metricsText);
    if (!lines.includes(toAdd)) update({ metricsText: [...lines, toAdd].join('\n') });
  }

  const invalid = (part: FormPart) => (problems.some((p) => p.part === part) ? { 'aria-invalid': true as const, 'aria-describedby': ids.problems } : {});
  const known = fields.some((f) => f.path === form.path);

  return (
    <div className="fl-own-sweep">
      <div className="fl-own-sweep__grid">
        <label htmlFor={ids.field}>Field</label>
        <select id={ids.field} value={form.path} disabled={running} onChange={(e) => chooseField(e.target.value)} {...invalid('Field')}>
          <option value="">Choose a field…</option>
          {!known && form.path !== '' && <option value={form.path}>{`${form.path} (not set: its default)`}</option>}
          {GROUPS.map(({ group, label }) => {
            const mine = fields.filter((f) => f.group === group);
            return mine.length === 0 ? null : (
              <optgroup key={group} label={label}>
                {mine.map((f) => (
                  <option key={f.path} value={f.path}>{`${f.label} (${f.value})`}</option>
                ))}
              </optgroup>
            );
          })}
        </select>

        <span id={`${ids.values}-label`}>Values</span>
        <div className="fl-own-sweep__values" role="group" aria-labelledby={`${ids.values}-label`}>
          <label><input type="radio" name={`${ids.values}-mode`} checked={form.valuesMode === 'list'} disabled={running} onChange={() => update({ valuesMode: 'list' })} /> list</label>
          <label><input type="radio" name={`${ids.values}-mode`} checked={form.valuesMode === 'range'} disabled={running} onChange={() => update({ valuesMode: 'range' })} /> range</label>
          {form.valuesMode === 'list' ? (
            <input id={ids.values} type="text" aria-label="Values, separated by commas" placeholder="1, 2, 4 or 100ms, 250ms" value={form.valuesText} disabled={running} onChange={(e) => update({ valuesText: e.target.value })} {...invalid('Values')} />
          ) : (
            <span className="fl-own-sweep__range">
              {(['from', 'to', 'step'] as const).map((key) => (
                <label key={key}>
                  {key}{' '}
                  <input id={ids[key]} type="text" inputMode="decimal" size={6} value={form.range[key]} disabled={running} onChange={(e) => update({ range: { ...form.range, [key]: e.target.value } })} {...invalid('Values')} />
                </label>
              ))}
            </span>
          )}
        </div>

        <label htmlFor={ids.seeds}>Seeds</label>
        <input id={ids.seeds} type="text" placeholder="the scenario's seed; 3 = three seeds; 1, 7, 42 = these" value={form.seedsText} disabled={running} onChange={(e) => update({ seedsText: e.target.value })} {...invalid('Seeds')} />

        <label htmlFor={ids.metrics}>Metrics</label>
        <div className="fl-own-sweep__metrics">
          <textarea id={ids.metrics} rows={3} spellCheck={false} value={form.metricsText} disabled={running} aria-describedby={problems.some((p) => p.part === 'Metrics') ? `${ids.metricsHint} ${ids.problems}` : ids.metricsHint} aria-invalid={problems.some((p) => p.part === 'Metrics') || undefined} onChange={(e) => update({ metricsText: e.target.value })} />
          <p id={ids.metricsHint} className="fl-own-sweep__hint">One per line, as the CLI takes them: p99(api), goodput(users, 30s, 60s), recoverySeconds(users, 5m).</p>
          <span className="fl-own-sweep__add">
            <label htmlFor={ids.add}>Add metric</label>
            <select id={ids.add} value={toAdd} disabled={running} onChange={(e) => setToAdd(e.target.value)}>
              <option value="">Choose…</option>
              {choices.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
            <button type="button" className="fl-button fl-button--small" disabled={running || toAdd === ''} onClick={addMetric}>Add</button>
          </span>
        </div>
      </div>

      <div className="fl-experiments-controls">
        {running ? (
          <button type="button" className="fl-button" onClick={sweep.cancel}>Cancel</button>
        ) : (
          <button type="button" className="fl-button" disabled={planning} onClick={() => void run()}>Run</button>
        )}
        <button type="button" className="fl-button" disabled={running || planning} onClick={() => void saveOnly()}>Save in scenario</button>
        {doc.experiment !== undefined && (
          <button type="button" className="fl-button" disabled={running} onClick={remove}>Remove from scenario</button>
        )}
      </div>
      {problems.length > 0 ? (
        <div role="alert" id={ids.problems} className="fl-experiments-error">
          <p className="fl-own-sweep__problems-title">The sweep was not started:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}><strong>{p.part}</strong>: {p.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <SweepStatusLine status={sweep.status} workers={browserWorkerCount()} />
      )}
      {note && <p role="status" className="fl-own-sweep__note">{note}</p>}
      {sweep.results && <OwnSweepResults results={sweep.results} />}
    </div>
  );
}
