/**
 * The worker's command API behind a watchdog (worker-watchdog.ts). When the worker is stuck it
 * is terminated, a fresh one is started with the last document it accepted (paused at t = 0),
 * and every command the old one never answered gets an honest answer instead of hanging forever.
 * The last pause-at (setPauseAt: the guide's next step) is given to the fresh worker too.
 * No Worker or timers here: the page passes a connection factory and calls `check()` on a timer.
 */
import type { Remote } from 'comlink';
import type { RunProgress, SimulationHost, ValidationError } from '../../workers/protocol.ts';
import { WorkerWatchdog, type PendingCommand } from './worker-watchdog.ts';

export type HostHandle = Remote<SimulationHost>;

/** One running worker: its commands, and how to end it. */
export interface WorkerConnection {
  call(method: string, args: readonly unknown[]): Promise<unknown>;
  terminate(): void;
  /** Settles once the worker has answered its first message (its script loaded and ran). */
  ready?: Promise<unknown>;
}

export interface SupervisorOptions {
  /** Starts a worker whose live messages go to `onProgress`. */
  start(onProgress: (progress: RunProgress) => void): WorkerConnection;
  nowMs(): number;
  /** Told after each restart, with a sentence for the person. */
  onRestart(message: string): void;
  watchdog?: WorkerWatchdog;
}

export interface SupervisedHost {
  handle: HostHandle;
  /** Call every WATCHDOG_LIMITS.checkEveryMs. */
  check(): void;
  /** Live progress from whichever worker is current. */
  onProgress(listener: (progress: RunProgress) => void): () => void;
  readonly restarts: number;
}

const MUTATING_DOCUMENT = new Set(['load', 'update']);

export function superviseHost(options: SupervisorOptions): SupervisedHost {
  const watchdog = options.watchdog ?? new WorkerWatchdog(options.nowMs);
  const listeners = new Set<(progress: RunProgress) => void>();
  /** Settles a command the old worker never answered. */
  const orphans = new Map<PendingCommand, (value: unknown) => void>();
  /** The last document the worker accepted: what a restart reloads. */
  let lastGood: unknown;
  /** The last pause-at asked for (null: none): a restart sets it again on the fresh worker. */
  let pauseAt: unknown = null;
  let restarts = 0;
  let pinging = false;
  /** False until the current worker has answered anything: until then no document is to blame. */
  let workerStarted = false;

  const onLive = (progress: RunProgress) => {
    watchdog.heard(progress);
    for (const listener of [...listeners]) listener(progress);
  };
  const connect = (): WorkerConnection => {
    const started = options.start(onLive);
    workerStarted = started.ready === undefined;
    const markStarted = () => {
      if (started === connection) workerStarted = true;
    };
    started.ready?.then(markStarted, () => {}); // a failure shows as silence: the watchdog's case
    return started;
  };
  let connection = connect();

  function send(method: string, args: readonly unknown[]): Promise<unknown> {
    if (method === 'setPauseAt') pauseAt = args[0] ?? null;
    const command = watchdog.commandSent(method, args);
    const sentTo = connection;
    return new Promise((resolve, reject) => {
      orphans.set(command, resolve);
      sentTo.call(method, args).then(
        (result) => {
          if (sentTo === connection) workerStarted = true;
          if (sentTo !== connection || !orphans.delete(command)) return; // answered after a restart: already settled
          watchdog.commandAnswered(command, result);
          if (MUTATING_DOCUMENT.has(method) && accepted(result)) lastGood = args[0];
          resolve(result);
        },
        (error: unknown) => {
          if (sentTo !== connection || !orphans.delete(command)) return;
          watchdog.commandAnswered(command, undefined);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  function restart(reason: string): void {
    connection.terminate();
    const lost = [...orphans];
    orphans.clear();
    watchdog.restarted();
    restarts++;
    if (!workerStarted) {
      // Its script never ran (a failed or stalled fetch): nothing was done, so everything is sent again.
      connection = connect();
      for (const [command, resolve] of lost) resolve(send(command.method, command.args));
      options.onRestart(`The simulation worker did not start (${reason}) and was started again.`);
      return;
    }
    // A document the stuck worker was loading is the likely cause: never load it again by itself.
    const suspects = lost.filter(([command]) => MUTATING_DOCUMENT.has(command.method)).map(([command]) => command.args[0]);
    if (suspects.includes(lastGood)) lastGood = undefined;
    connection = connect();
    const restored = [
      lastGood === undefined ? undefined : send('load', [lastGood]),
      pauseAt === null ? undefined : send('setPauseAt', [pauseAt]),
    ];
    void Promise.allSettled(restored).then(() => answerLost(lost, reason));
    const what = lastGood === undefined ? 'no scenario was reloaded' : 'the scenario was reloaded, paused at t = 0';
    options.onRestart(`The simulation stopped responding (${reason}) and was restarted; ${what}.`);
  }

  /** Each lost command's answer as the fresh worker would give it (its progress), or a refusal saying why. */
  function answerLost(lost: [PendingCommand, (value: unknown) => void][], reason: string): void {
    const errors: ValidationError[] = [{ path: '(file)', message: `the simulation stopped responding while loading this scenario (${reason}) and was restarted without it` }];
    for (const [command, resolve] of lost) {
      if (command.method === 'load') resolve({ ok: false, revision: 0, errors });
      else if (command.method === 'update') resolve({ kind: 'invalid', revision: 0, errors });
      else if (command.method === 'inject') resolve({ ok: false, revision: 0, errors: [{ path: 'fault', message: 'the simulation was restarted before the fault applied' }] });
      else if (command.method === 'patchNode' || command.method === 'patchLink') resolve({ revision: 0, rejected: Object.keys(command.args[1] ?? {}) });
      else if (command.method === 'check') {
        // a question, not a command: its answer says why there is none (the editor asks again at the next edit)
        resolve({ ok: false, errors: [{ path: '(file)', message: `the simulation stopped responding before it checked this scenario (${reason}) and was restarted; edit or open it again to check it` }] });
      } else if (command.method === 'getSeries' || command.method === 'getReport') resolve(null);
      else if (command.method === 'connectLive') resolve(undefined);
      else resolve(send('getProgress', []));
    }
  }

  const handle = new Proxy({} as HostHandle, {
    get: (_target, method) => (typeof method === 'string' && method !== 'then' ? (...args: unknown[]) => send(method, args) : undefined),
  });

  return {
    handle,
    check() {
      const result = watchdog.check();
      if (result.verdict === 'stuck') restart(result.reason);
      else if (result.verdict === 'ping' && !pinging) {
        pinging = true;
        void send('getProgress', []).finally(() => {
          pinging = false;
        });
      }
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get restarts() {
      return restarts;
    },
  };
}

function accepted(result: unknown): boolean {
  if (typeof result !== 'object' || result === null) return false;
  if ('ok' in result) return result.ok === true;
  return 'kind' in result && result.kind !== 'invalid';
}
