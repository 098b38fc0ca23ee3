// Names that would look the same when cut are cut so they differ (semantic zoom's small cards).
import { describe, expect, it } from 'vitest';
import { distinctLabels, sharedWordsLength } from '../../src/ui/canvas/nodes/distinct-labels.ts';
import { builtinScenarios } from '../../src/scenarios/index.ts';

const shown = (label: string) => label.replace(/[…\u2060]/g, '');

describe('distinct labels for small cards', () => {
  it('the two "1 h refresh, …" validators of key-removal-2021 keep the end that tells them apart', () => {
    const scenario = builtinScenarios.find((b) => b.id === 'key-removal-2021')!.scenario as { nodes: { id: string; label?: string }[] };
    const labels = distinctLabels(scenario.nodes.map((n) => ({ id: n.id, label: n.label ?? n.id })));
    expect(shown(labels.get('portal-like')!)).toBe('keep the last known good keys');
    expect(shown(labels.get('dynamics-like')!)).toBe('remember an unknown key for 1 h');
    expect(shown(labels.get('users-portal-like')!)).toBe('portal-like');
    // nothing shared: the name as written
    expect(labels.get('jwks')).toBe('Published keys (OpenID metadata)');
    expect(labels.get('office-like')).toBe('12 h refresh, re-fetch on unknown key at most every 5 min');
    // their first 10 characters differ now (a small card shows about that many)
    const starts = [...labels.values()].map((l) => shown(l).slice(0, 10));
    expect(new Set(starts).size).toBe(starts.length);
  });

  it('shares only whole words, and only runs of 4 characters or more', () => {
    expect(sharedWordsLength('Apple push', 'Android push')).toBe(0);
    expect(sharedWordsLength('Users of a', 'Users of b')).toBe(9);
    expect(distinctLabels([{ id: 'a', label: 'A x' }, { id: 'b', label: 'A y' }]).get('a')).toBe('A x');
  });

  it('a name short enough to show whole is never cut: "Building A" and "Building B" stay as written', () => {
    const labels = distinctLabels([{ id: 'a', label: 'Building A' }, { id: 'b', label: 'Building B' }, { id: 'x', label: 'Users of the portal, 1 h refresh' }, { id: 'y', label: 'Users of the portal, 24 h refresh' }]);
    expect([labels.get('a'), labels.get('b')]).toEqual(['Building A', 'Building B']);
    expect(shown(labels.get('x')!)).toBe('1 h refresh'); // a long one still drops the shared words
  });

  it('names written the same twice fall back to their ids', () => {
    const labels = distinctLabels([{ id: 'api-1', label: 'API' }, { id: 'api-2', label: 'API' }, { id: 'db', label: 'Database' }]);
    expect([labels.get('api-1'), labels.get('api-2'), labels.get('db')]).toEqual(['api-1', 'api-2', 'Database']);
  });
});
