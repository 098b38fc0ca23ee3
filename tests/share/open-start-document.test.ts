import { beforeEach, describe, expect, it } from 'vitest';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { encodeShareHash } from '../../src/share/share-link.ts';
import { graphActions, useGraphStore } from '../../src/store/graph-store.ts';
import { openStartDocument, withoutStartDocument } from '../../src/ui/share/open-start-document.ts';
import { carriesStartDocument } from '../../src/ui/share/share-links.ts';
import { keepReplacedByLink, MAX_REPLACED_GRAPHS, readReplacedByLinks, REPLACED_BY_LINK_KEY } from '../../src/store/graph/autosave.ts';

function fakeHistory() {
  const urls: string[] = [];
  return { urls, state: null, replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void urls.push(String(url)) };
}

const ids = () => useGraphStore.getState().document.nodes.map((n) => n.id);

describe('opening the link at startup', () => {
  beforeEach(() => {
    graphActions.load(findBuiltin('checkout')!.scenario, { resetHistory: true });
    graphActions.dismissNotice();
  });

  it('loads a #s= link on top of the graph: one undo step back to it, and the URL is cleaned', async () => {
    const mm1 = findBuiltin('mm1')!.scenario;
    const history = fakeHistory();
    await openStartDocument(new URL(`https://h.example/app/?experiments${await encodeShareHash(mm1)}`), history);
    expect(ids()).toEqual((mm1 as { nodes: { id: string }[] }).nodes.map((n) => n.id));
    expect(history.urls).toEqual(['/app/?experiments']);
    expect(useGraphStore.getState().notice?.tone).toBe('info');
    graphActions.undo();
    expect(ids()).toEqual(['shoppers', 'lb', 'api-1', 'api-2', 'db']);
  });

  it('keeps the graph it replaces in storage, and its notice goes back to it', async () => {
    const storage = new Map<string, string>();
    const memory = { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) };
    const checkoutDocument = useGraphStore.getState().document;
    await openStartDocument(new URL('https://h.example/?scenario=mm1'), fakeHistory(), memory);
    expect(ids()).toEqual(['users', 'api']);
    expect(readReplacedByLinks(memory).map((kept) => kept.document)).toEqual([checkoutDocument]);
    const { notice } = useGraphStore.getState();
    expect(notice?.text).toContain('the Library keeps a copy of it');
    notice!.action!.run();
    expect(ids()).toEqual(['shoppers', 'lb', 'api-1', 'api-2', 'db']);

    // link after link: the person's own graph is still kept, behind the link's
    const mm1Document = (await (async () => {
      await openStartDocument(new URL('https://h.example/?scenario=mm1'), fakeHistory(), memory);
      const afterFirst = useGraphStore.getState().document;
      await openStartDocument(new URL('https://h.example/?scenario=mmc-pooling'), fakeHistory(), memory);
      return afterFirst;
    })());
    expect(readReplacedByLinks(memory).map((kept) => kept.document)).toEqual([mm1Document, checkoutDocument]);

    // a link that is not opened keeps nothing new
    storage.clear();
    await openStartDocument(new URL('https://h.example/#s=abc*def'), fakeHistory(), memory);
    expect(storage.size).toBe(0);
  });

  it('keeps at most a few replaced graphs, newest first, each once', () => {
    const storage = new Map<string, string>();
    const memory = { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) };
    const named = (name: string) => ({ ...useGraphStore.getState().document, name });
    for (const name of ['a', 'b', 'a', 'c', 'd', 'e', 'f']) keepReplacedByLink(memory, named(name));
    expect(readReplacedByLinks(memory).map((kept) => kept.document.name)).toEqual(['f', 'e', 'd', 'c', 'a'].slice(0, MAX_REPLACED_GRAPHS));
    storage.set(REPLACED_BY_LINK_KEY, '{"not": "a list"');
    expect(readReplacedByLinks(memory)).toEqual([]);
  });

  it('keeps the graph and its history for a mangled link, and says what is wrong', async () => {
    const before = useGraphStore.getState();
    const history = fakeHistory();
    await openStartDocument(new URL('https://h.example/#s=abc*def'), history);
    const after = useGraphStore.getState();
    expect(after.document).toBe(before.document);
    expect(after.history).toBe(before.history);
    expect(after.notice).toEqual({ tone: 'error', text: "The link was not opened: the link's scenario is not valid base64url at character 4. Your graph is unchanged." });
    expect(history.urls).toEqual([]); // left as it was, to be looked at
  });

  it('keeps the graph for a link whose JSON is not a scenario at all', async () => {
    const before = useGraphStore.getState().document;
    await openStartDocument(new URL(`https://h.example/${await encodeShareHash([1, 2, 3])}`), fakeHistory());
    expect(useGraphStore.getState().document).toBe(before);
    expect(useGraphStore.getState().notice?.text).toMatch(/^The link was not opened: its scenario is unusable \(not a scenario object\)/);
  });

  it('keeps the graph for an unknown built-in', async () => {
    const before = useGraphStore.getState().document;
    await openStartDocument(new URL('https://h.example/?scenario=%3Cimg%20src%3Dx%3E'), fakeHistory());
    expect(useGraphStore.getState().document).toBe(before);
    expect(useGraphStore.getState().notice?.text).toContain('unknown built-in scenario "<img src=x>"');
  });

  it('cleans only what carried the scenario', () => {
    expect(withoutStartDocument(new URL('https://h.example/a/b/?scenario=mm1&x=1#s=abc'))).toBe('/a/b/?x=1');
    expect(withoutStartDocument(new URL('https://h.example/?scenario=mm1#notes'))).toBe('/#notes');
    expect(carriesStartDocument(new URL('https://h.example/?scenario=mm1'))).toBe(true);
    expect(carriesStartDocument(new URL('https://h.example/#s=x'))).toBe(true);
    expect(carriesStartDocument(new URL('https://h.example/?experiments#top'))).toBe(false);
  });
});
