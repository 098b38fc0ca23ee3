/**
 * The postMessage API between the embed and the page around it (docs/embedding.md).
 *
 * In: only from `window.parent`, only from the `origin` parameter's origin; without that
 * parameter nothing is accepted (a blog post that did not ask to be driven cannot be). Every
 * accepted message is shape-checked (src/embed/messages.ts); a bad one is answered with a
 * `faultline:error`, never thrown.
 * Out: ready, status, time and error events, to the `origin` parameter's origin if given, else
 * to any ('*'): they carry the scenario's name, the simulated clock and messages — nothing the
 * page around the embed should not see.
 */
import { PROTOCOL_VERSION, parseInboundMessage, type EmbedCommand } from '../../embed/index.ts';
import { findBuiltin } from '../../scenarios/index.ts';
import { encodeShareHash } from '../../share/share-link.ts';
import { runActions, useRunStore, type RunStatus } from '../../store/run-store.ts';
import { embedActions } from './embed-session.ts';

/** Time events at most this often (wall clock): a few per second is all a parent page needs. */
export const TIME_EVENT_EVERY_MS = 250;
const REPORTED_STATUSES: ReadonlySet<RunStatus> = new Set(['running', 'paused', 'finished', 'failed', 'invalid']);

type Outbound = { type: string } & Record<string, unknown>;

export interface ParentBridge {
  post(event: Outbound): void;
  stop(): void;
}

export function startParentBridge(allowedOrigin: string | null): ParentBridge {
  const framed = window.parent !== window;
  const post = (event: Outbound): void => {
    if (framed) window.parent.postMessage({ ...event, version: PROTOCOL_VERSION }, allowedOrigin ?? '*');
  };
  const postError = (message: string, request?: string): void => post({ type: 'faultline:error', message, ...(request ? { request } : {}) });

  const onMessage = (event: MessageEvent): void => {
    if (!framed || event.source !== window.parent) return;
    if (allowedOrigin === null || event.origin !== allowedOrigin) return; // not ours to answer
    const parsed = parseInboundMessage(event.data);
    if (!parsed.ok) postError(parsed.problem, requestType(event.data));
    else void execute(parsed.command, post, postError);
  };
  window.addEventListener('message', onMessage);
  const stopEvents = forwardRunEvents(post);
  return {
    post,
    stop() {
      window.removeEventListener('message', onMessage);
      stopEvents();
    },
  };
}

async function execute(command: EmbedCommand, post: (e: Outbound) => void, postError: (m: string, r: string) => void): Promise<void> {
  const request = `faultline:${command.type}`;
  switch (command.type) {
    case 'play':
      return embedActions.play();
    case 'pause':
      return embedActions.pause();
    case 'reset':
      return embedActions.reset();
    case 'setSpeed':
      return embedActions.setSpeed(command.speed);
    case 'inject': {
      const status = useRunStore.getState().status;
      if (status !== 'paused' && status !== 'running') return postError(`a fault can be injected only into a loaded run (the run is ${status})`, request);
      await runActions.inject(command.fault);
      const errors = useRunStore.getState().errors;
      if (errors.length > 0) postError(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '), request);
      return;
    }
    case 'load': {
      const outcome = 'builtin' in command ? await loadBuiltin(command.builtin) : await loadDocument(command.scenario);
      if (outcome.ok) post({ type: 'faultline:ready', scenario: { name: outcome.name, durationMs: outcome.durationMs } });
      else postError(outcome.problem, request);
    }
  }
}

async function loadBuiltin(id: string) {
  const builtin = findBuiltin(id);
  if (!builtin) return { ok: false as const, problem: `faultline:load: there is no built-in scenario "${id.slice(0, 80)}"` };
  return embedActions.load(builtin.scenario, { builtinId: builtin.id }, builtin.title);
}

async function loadDocument(scenario: unknown) {
  let document = scenario;
  if (typeof scenario === 'string') {
    try {
      document = JSON.parse(scenario);
    } catch (error) {
      return { ok: false as const, problem: `faultline:load: "scenario" is not JSON (${error instanceof Error ? error.message : 'unreadable'})` };
    }
  }
  const outcome = await embedActions.load(document, { shareHash: '' });
  // "Open in Faultline" carries this graph as a share link; computed after the load succeeded.
  if (outcome.ok) void encodeShareHash(document).then((shareHash) => embedActions.setSource({ shareHash }), () => undefined);
  return outcome;
}

function requestType(data: unknown): string | undefined {
  const type = (data as { type?: unknown } | null)?.type;
  return typeof data === 'object' && typeof type === 'string' ? type.slice(0, 60) : undefined;
}

/** Status changes at once; the clock at most every TIME_EVENT_EVERY_MS while it moves. */
function forwardRunEvents(post: (e: Outbound) => void): () => void {
  let lastTimePostedAt = -Infinity;
  let lastTimeMs = -1;
  return useRunStore.subscribe((run, before) => {
    if (run.status !== before.status && REPORTED_STATUSES.has(run.status)) {
      post({ type: 'faultline:status', status: run.status, simulatedMs: run.simulatedMs, durationMs: run.durationMs, ...(run.failure ? { message: run.failure } : {}) });
    }
    const now = performance.now();
    if (run.simulatedMs !== lastTimeMs && now - lastTimePostedAt >= TIME_EVENT_EVERY_MS) {
      lastTimePostedAt = now;
      lastTimeMs = run.simulatedMs;
      post({ type: 'faultline:time', simulatedMs: run.simulatedMs, durationMs: run.durationMs });
    }
  });
}
