/**
 * Messages to the person: the graph store's (an unreadable autosave, a refused link) until
 * dismissed, and why the run failed (the run guard's advice), until the next run starts.
 */
import { graphActions, showAutosaveChoice, useGraphStore } from '../../store/graph-store.ts';
import { useRunStore } from '../../store/run-store.ts';

export function NoticeBar() {
  const notice = useGraphStore((s) => s.notice);
  const saveError = useGraphStore((s) => s.autosave.error);
  const layoutNote = useGraphStore((s) => s.layoutNote);
  const runFailure = useRunStore((s) => (s.status === 'failed' ? s.failure : null));
  return (
    <div className="fl-notices" aria-live="polite">
      {notice && (
        <p className="fl-notice" data-tone={notice.tone} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}{' '}
          {notice.action && (
            <button type="button" className="fl-button fl-button--small" onClick={notice.action.run}>{notice.action.label}</button>
          )}{' '}
          {notice.otherAction && (
            <button type="button" className="fl-button fl-button--small" onClick={notice.otherAction.run}>{notice.otherAction.label}</button>
          )}{' '}
          <button type="button" className="fl-button fl-button--small" onClick={graphActions.dismissNotice}>Dismiss</button>
        </p>
      )}
      {layoutNote && (
        <p className="fl-notice" data-tone="info" role="status">
          {layoutNote}{' '}
          <button type="button" className="fl-button fl-button--small" onClick={graphActions.dismissLayoutNote}>Dismiss</button>
        </p>
      )}
      {runFailure && (
        <p className="fl-notice" data-tone="error" role="alert">
          {/* the run guard's reasons begin "stopped at t = …" */}
          {runFailure.startsWith('stopped ') ? `The simulation ${runFailure}` : `The simulation stopped: ${runFailure}`}
        </p>
      )}
      {saveError && (
        <p className="fl-notice" data-tone="error">
          {saveError.startsWith('paused:') ? `Autosave is ${saveError}.` : `Autosave failed (${saveError}): download the scenario to keep it.`}{' '}
          {saveError.startsWith('paused:') && notice?.otherAction === undefined && (
            <button type="button" className="fl-button fl-button--small" onClick={showAutosaveChoice}>Choose…</button>
          )}
        </p>
      )}
    </div>
  );
}
