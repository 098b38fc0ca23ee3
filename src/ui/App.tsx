// The minimal app until the canvas exists: pick or paste a scenario, run it in the worker,
// read the totals. The previous results stay on screen when a new file does not validate.
import { useState, type ChangeEvent } from 'react';
import type { RunReport } from '../engine/report-types.ts';
import { builtinScenarios, findBuiltin } from '../scenarios/index.ts';
import type { ValidationError } from '../../workers/simulation-host.ts';
import { ResultTables } from './ResultTables.tsx';
import { cancelRun, runScenario } from './simulation-client.ts';

function scenarioText(id: string): string {
  const builtin = findBuiltin(id);
  return builtin ? JSON.stringify(builtin.scenario, null, 2) : '';
}

export function App() {
  const [selectedId, setSelectedId] = useState(builtinScenarios[0]?.id ?? '');
  const [text, setText] = useState(() => scenarioText(selectedId));
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<RunReport | null>(null);
  const [errors, setErrors] = useState<ValidationError[]>([]);
  const [notices, setNotices] = useState<string[]>([]);
  const selected = findBuiltin(selectedId);

  function choose(id: string) {
    setSelectedId(id);
    setText(scenarioText(id));
  }

  async function load(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
    event.target.value = ''; // loading the same file again still fires change
  }

  async function run() {
    setRunning(true);
    setProgress(0);
    setErrors([]);
    setNotices([]);
    try {
      const outcome = await runScenario(text, (simulatedMs, totalMs) => setProgress(totalMs > 0 ? simulatedMs / totalMs : 0));
      if (outcome.status === 'done') {
        setReport(outcome.report);
        setNotices(outcome.warnings.map((w) => `warning: ${w}`));
      } else if (outcome.status === 'invalid') setErrors(outcome.errors);
      else if (outcome.status === 'cancelled') setNotices([`Run cancelled at ${(outcome.simulatedMs / 1000).toFixed(1)} s simulated.`]);
      else setErrors([{ path: '(simulation)', message: outcome.message }]);
    } finally {
      setRunning(false);
    }
  }

  return (
    <main>
      <header>
        <h1>Faultline</h1>
        <p className="tagline">A failure sandbox: run a scenario, read what broke.</p>
      </header>

      <section className="controls" aria-label="Scenario">
        <label>
          Built-in scenario
          <select value={selectedId} onChange={(e) => choose(e.target.value)} disabled={running}>
            {builtinScenarios.map((s) => (
              <option key={s.id} value={s.id}>{s.title}</option>
            ))}
          </select>
        </label>
        {selected && <p className="summary">{selected.summary}</p>}
        <label>
          Scenario JSON
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={14} spellCheck={false} disabled={running} />
        </label>
        <div className="actions">
          <label className="file">
            Load a scenario file
            <input type="file" accept=".json,application/json" onChange={load} disabled={running} />
          </label>
          <button type="button" className="primary" onClick={run} disabled={running}>Run</button>
          {running && (
            <>
              <button type="button" onClick={cancelRun}>Cancel</button>
              <progress value={progress} max={1} aria-label="Simulation progress" />
            </>
          )}
        </div>
      </section>

      {errors.length > 0 && (
        <section className="errors" role="alert" aria-label="Scenario errors">
          <h2>The scenario has problems</h2>
          <ul>
            {errors.map((e, i) => (
              <li key={i}><code>{e.path}</code>: {e.message}</li>
            ))}
          </ul>
        </section>
      )}
      {notices.length > 0 && (
        <ul className="notices" aria-label="Notices">
          {notices.map((n, i) => <li key={i}>{n}</li>)}
        </ul>
      )}
      {report ? <ResultTables report={report} /> : <p className="hint">Press Run to simulate the scenario.</p>}
    </main>
  );
}
