/**
 * Eager and tiny: whether the URL carries a scenario, and the hook that opens it at startup and
 * when a `#s=` link is pasted into an open tab (no reload then). The decoder is loaded only
 * when a link is there, so the editor's initial JavaScript does not carry it.
 */
import type { DocumentStorage } from '../../store/graph/autosave.ts';

export function carriesStartDocument(url: URL): boolean {
  return url.searchParams.has('scenario') || url.hash.startsWith('#s=');
}

export function startShareLinks(win: Pick<Window, 'location' | 'history' | 'addEventListener'>, storage: DocumentStorage | null): void {
  // Links pasted in quick succession decode concurrently: only the latest one is opened.
  let latest = 0;
  const open = () => {
    const url = new URL(win.location.href);
    const mine = ++latest;
    if (carriesStartDocument(url)) void import('./open-start-document.ts').then((m) => m.openStartDocument(url, win.history, storage, () => mine === latest));
  };
  open();
  win.addEventListener('hashchange', open);
}
