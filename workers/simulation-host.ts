/**
 * The worker's command API, free of comlink and of worker globals so Node tests can drive it
 * directly (tests/contract); simulation.worker.ts only exposes it. Every command that changes the
 * run returns the revision it produced; live messages carry the revision they reflect.
 */
import { Simulation, type FaultSpec, type LiveLayout, type ScenarioSpec } from '../src/engine/index.ts';
import { parseScenario, parseScenarioText } from '../src/scenario/index.ts';
import { storyOf, type StoryView } from '../src/story/index.ts';
import { planDocumentChange } from './document-update.ts';
import { normaliseFault } from './fault-normaliser.ts';
import { LiveSender } from './live-sender.ts';
import type { LoadedScenario, RunProgress, SimulationHost, ValidationError } from './protocol.ts';
import { RUN_SPEEDS } from './protocol.ts';
import { RunLoop } from './run-loop.ts';
import { SeriesReader } from './series-reader.ts';

export type * from './protocol.ts';

interface LoadedRun {
  spec: ScenarioSpec;
  /** The document as given: live injections are validated against it. */
  document: Record<string, unknown>;
  sim: Simulation;
  layout: LiveLayout;
  reader: SeriesReader;
  story: StoryView;
}

type Parsed = { ok: true; spec: ScenarioSpec; document: Record<string, unknown>; warnings: string[] } | { ok: false; errors: ValidationError[] };

function parseInput(input: unknown): Parsed {
  // the run never sweeps: an experiment's values are the panel's and the CLI's to check
  const options = { experimentValues: 'none' } as const;
  const result = typeof input === 'string' ? parseScenarioText(input, options) : parseScenario(input, options);
  if (!result.ok) return { ok: false, errors: result.errors };
  const document = (typeof input === 'string' ? JSON.parse(input) : input) as Record<string, unknown>;
  return { ok: true, spec: result.spec, document, warnings: result.warnings };
}

export function createSimulationHost(nowMs: () => number = () => performance.now()): SimulationHost {
  let run: LoadedRun | null = null;
  let revision = 0;
  let runId = 0;

  const progress = (): RunProgress => ({
    status: loop.status,
    speed: loop.speed,
    revision,
    runId,
    simulatedMs: loop.clockMs,
    durationMs: run?.spec.durationMs ?? 0,
    eventsPerSec: loop.eventsPerSec,
    ...(loop.pauseAtMs !== null ? { pauseAtMs: loop.pauseAtMs } : {}),
    ...(loop.behind ? { behind: true as const } : {}),
    ...(loop.seekToMs !== null ? { seekingToMs: loop.seekToMs } : {}),
    ...(loop.failure !== undefined ? { message: loop.failure } : {}),
  });

  const live = new LiveSender(
    {
      layout: () => run?.layout ?? null,
      fill: (out) => {
        run?.sim.writeLive(out);
        out[0] = loop.clockMs; // the paced clock, which runs between events too
      },
      progress,
    },
    nowMs,
  );
  const loop = new RunLoop(nowMs, () => live.request());

  /** Every mutating command ends here: a new revision, and the page hears of it soon. */
  const changed = (): number => {
    revision++;
    live.request();
    return revision;
  };

  /** Run-control commands answer with the state they left, so the controls update at once. */
  const acknowledged = (): RunProgress => {
    changed();
    return progress();
  };

  function start(spec: ScenarioSpec, document: Record<string, unknown>): LoadedScenario {
    const sim = new Simulation(spec);
    const layout = sim.liveLayout();
    const story = storyOf(spec);
    run = { spec, document, sim, layout, reader: new SeriesReader(sim), story };
    runId++;
    live.resize(layout.length);
    loop.attach(sim);
    loop.setPlan(story.plan);
    return { layout, durationMs: spec.durationMs, sampleEveryMs: spec.sampleEveryMs, faults: spec.faults, warnings: [], story };
  }

  /** A presentation-only edit (a guide step, the story block): the same run, a new story. */
  function retell(spec: ScenarioSpec): StoryView {
    const story = storyOf(spec);
    if (run !== null) run.story = story;
    loop.setPlan(story.plan);
    return story;
  }

  const host: SimulationHost = {
    check(input, options = {}) {
      const result = typeof input === 'string' ? parseScenarioText(input, options) : parseScenario(input, options);
      return result.ok ? { ok: true, warnings: result.warnings } : { ok: false, errors: result.errors };
    },

    load(input) {
      const parsed = parseInput(input);
      if (!parsed.ok) return { ok: false, revision: changed(), errors: parsed.errors };
      loop.pause();
      const loaded = start(parsed.spec, parsed.document);
      return { ok: true, revision: changed(), ...loaded, warnings: parsed.warnings };
    },

    update(input) {
      if (run === null) {
        const loaded = host.load(input);
        return loaded.ok ? { ...loaded, kind: 'reloaded' } : { kind: 'invalid', revision: loaded.revision, errors: loaded.errors };
      }
      const parsed = parseInput(input);
      if (!parsed.ok) return { kind: 'invalid', revision: changed(), errors: parsed.errors };
      const change = planDocumentChange(run.spec, parsed.spec);
      if (change.kind === 'same') {
        Object.assign(run, { spec: parsed.spec, document: parsed.document });
        return { kind: 'unchanged', revision, story: retell(parsed.spec) };
      }
      if (change.kind === 'patch') {
        const sim = run.sim;
        const rejected = [
          ...change.plan.nodes.flatMap(({ id, patch }) => sim.patchNode(id, patch)),
          ...change.plan.links.flatMap(({ id, patch }) => sim.patchLink(id, patch)),
        ];
        if (rejected.length === 0) {
          Object.assign(run, { spec: parsed.spec, document: parsed.document });
          const story = retell(parsed.spec);
          return { kind: 'patched', revision: changed(), patched: [...change.plan.nodes, ...change.plan.links].map((p) => p.id), story };
        }
      }
      // Structural, or a patch the engine refused: the run starts over, playing if it was.
      if (loop.status === 'finished' || loop.status === 'failed') loop.pause();
      const loaded = start(parsed.spec, parsed.document);
      return { kind: 'reloaded', revision: changed(), ...loaded, warnings: parsed.warnings };
    },

    play() {
      loop.play();
      return acknowledged();
    },
    pause() {
      loop.pause();
      return acknowledged();
    },
    step() {
      loop.step();
      return acknowledged();
    },
    setSpeed(speed) {
      if (RUN_SPEEDS.includes(speed)) loop.setSpeed(speed);
      return acknowledged();
    },
    setPauseAt(simulatedMs) {
      loop.setPauseAt(typeof simulatedMs === 'number' ? simulatedMs : null);
      return acknowledged();
    },
    reset() {
      if (run !== null) {
        loop.pause();
        start(run.spec, run.document);
      }
      return acknowledged();
    },

    unload() {
      loop.detach();
      run = null;
      runId++;
      return acknowledged();
    },

    seek(simulatedMs) {
      if (run !== null && typeof simulatedMs === 'number' && Number.isFinite(simulatedMs)) {
        const wasRunning = loop.playing;
        if (simulatedMs < loop.clockMs) {
          loop.pause();
          start(run.spec, run.document);
          if (wasRunning) loop.play();
        }
        loop.seekTo(simulatedMs);
      }
      return acknowledged();
    },

    patchNode(id, patch) {
      const rejected = run ? run.sim.patchNode(id, patch) : Object.keys(patch);
      return { revision: changed(), rejected };
    },
    patchLink(id, patch) {
      const rejected = run ? run.sim.patchLink(id, patch) : Object.keys(patch);
      return { revision: changed(), rejected };
    },

    inject(fault) {
      if (run === null) return { ok: false, revision, errors: [{ path: 'fault', message: 'no scenario is loaded' }] };
      const normalised = normaliseFault(run.spec, fault);
      if (!normalised.ok) return { ok: false, revision, errors: normalised.errors };
      const spec: FaultSpec = normalised.fault;
      run.sim.inject(spec);
      return { ok: true, revision: changed(), entry: { atMs: loop.clockMs, target: spec.target, action: spec.action } };
    },

    getSeries(ids, options) {
      return run ? run.reader.read(ids, runId, revision, options) : null;
    },
    getProgress: progress,
    getReport() {
      return run ? run.sim.report(loop.busyMs) : null;
    },
    connectLive(port) {
      live.connect(port);
    },
  };
  return host;
}
