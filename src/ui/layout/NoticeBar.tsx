/** The graph store's message to the person (an unreadable autosave, a refused link), until dismissed. */
import { graphActions, useGraphStore } from '../../store/graph-store.ts';

export function NoticeBar() {
  const notice = useGraphStore((s) => s.notice);
  const saveError = useGraphStore((s) => s.autosave.error);
  return (
    <div className="fl-notices" aria-live="polite">
      {notice && (
        <p className="fl-notice" data-tone={notice.tone} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}{' '}
          <button type="button" className="fl-button fl-button--small" onClick={graphActions.dismissNotice}>Dismiss</button>
        </p>
      )}
      {saveError && <p className="fl-notice" data-tone="error">Autosave failed ({saveError}): download the scenario to keep it.</p>}
    </div>
  );
}
