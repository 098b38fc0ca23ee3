/**
 * The controls the `controls` parameter asks for: minimal = play/pause and reset; full = also
 * speed and "break something". Native buttons, at least 44 px tall: they are tapped on phones.
 */
import { runActions, useRunStore } from '../../store/run-store.ts';
import { RUN_SPEEDS } from '../../../workers/protocol.ts';
import { speedLabel, speedTitle } from '../run/format-run.ts';
import type { ControlsMode } from '../../embed/index.ts';
import { embedActions, useEmbedStore } from './embed-session.ts';
import { EmbedInject } from './EmbedInject.tsx';


export function EmbedControls({ mode }: { mode: ControlsMode }) {
  const status = useRunStore((s) => s.status);
  const speed = useRunStore((s) => s.speed);
  const wantsToPlay = useEmbedStore((s) => s.wantsToPlay);
  if (mode === 'none') return null;
  // The button follows what was asked for: scrolled out of view, an autoplaying embed is paused
  // by the page, not by the reader, and still offers "Pause".
  const playing = status === 'running' || (wantsToPlay && status === 'paused');
  const usable = status === 'paused' || status === 'running' || status === 'finished';
  return (
    <div className="fl-embed-controls" role="group" aria-label="Run controls">
      <button type="button" className="fl-embed-play" disabled={!usable} onClick={() => (playing ? embedActions.pause() : embedActions.play())}>
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" disabled={!usable} onClick={() => void embedActions.reset()}>
        Reset
      </button>
      {mode === 'full' && (
        <>
          <div className="fl-embed-speeds" role="group" aria-label="Speed">
            {RUN_SPEEDS.map((s) => (
              <button key={s} type="button" aria-pressed={speed === s} onClick={() => embedActions.setSpeed(s)} title={speedTitle(s)}>
                {speedLabel(s)}
              </button>
            ))}
          </div>
          <EmbedInject live={status === 'paused' || status === 'running'} onInject={(fault) => void runActions.inject(fault)} />
        </>
      )}
    </div>
  );
}
