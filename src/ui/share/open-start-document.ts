/**
 * Startup, after the autosave is restored: opens the scenario the URL carries (`?scenario=` or a
 * `#s=` link) ON TOP of it, as an undoable load, so Undo returns to the person's own graph. Then
 * the URL is cleaned, so a reload does not apply the link again over later edits.
 */
import { graphActions, useGraphStore, type GraphNotice } from '../../store/graph-store.ts';
import { keepReplacedByLink, type DocumentStorage } from '../../store/graph/autosave.ts';
import { resolveStartDocument } from '../../share/start-document.ts';

type UrlHistory = Pick<History, 'replaceState' | 'state'>;

/** `storage`: where the graph the link replaces is kept (REPLACED_BY_LINK_KEY); null keeps none. */
export async function openStartDocument(url: URL, history: UrlHistory | null, storage: DocumentStorage | null = null, stillWanted: () => boolean = () => true): Promise<void> {
  const start = await resolveStartDocument(url);
  if (start.kind === 'none' || !stillWanted()) return;
  if (start.kind === 'error') {
    notice('error', `The link was not opened: ${start.problem}. Your graph is unchanged.`);
    return;
  }
  const before = useGraphStore.getState().document;
  const loaded = graphActions.load(start.document);
  if (!loaded.ok) {
    notice('error', `The link was not opened: its scenario is unusable (${loaded.reason}). Your graph is unchanged.`);
    return;
  }
  history?.replaceState(history.state, '', withoutStartDocument(url));
  const name = useGraphStore.getState().document.name;
  const kept = storage !== null && keepReplacedByLink(storage, before);
  notice('info', `Opened "${name}" from the link. Undo returns to the graph you had before${kept ? ', and the Library keeps a copy of it' : ''}.`, {
    label: 'Back to my graph',
    run: () => graphActions.load(before),
  });
}

/** The URL minus what carried the scenario; other parameters stay exactly as written (`?experiments`). */
export function withoutStartDocument(url: URL): string {
  const kept = url.search.slice(1).split('&').filter((part) => part !== '' && part.split('=')[0] !== 'scenario');
  const hash = url.hash.startsWith('#s=') ? '' : url.hash;
  return url.pathname + (kept.length > 0 ? `?${kept.join('&')}` : '') + hash;
}

function notice(tone: 'info' | 'error', text: string, action?: GraphNotice['action']): void {
  useGraphStore.setState({ notice: { tone, text, ...(action ? { action } : {}) } });
}
