// A card's one-line summary names the format's default workers for its kind when the file leaves
// them out (issue 15: defaults have one home, src/scenario's defaultOf; the cards once retyped them).
import { describe, expect, it } from 'vitest';
import { describeStation } from '../../src/ui/canvas/nodes/describe.ts';
import type { DocumentNode } from '../../src/store/graph-store.ts';

const node = (kind: string, extra: Record<string, unknown> = {}) => ({ id: 'n', kind, ...extra }) as unknown as DocumentNode;

describe('describeStation', () => {
  it('reads each kind’s default workers from the format', () => {
    expect(describeStation(node('service'))).toBe('1 worker');
    expect(describeStation(node('database'))).toBe('10 workers');
    expect(describeStation(node('identity'))).toBe('1 worker');
    expect(describeStation(node('external'))).toBe('∞ workers');
    expect(describeStation(node('keyset'))).toBe('∞ workers');
  });

  it('prefers what the file says, replicas first', () => {
    expect(describeStation(node('service', { workers: 8, replicas: 3 }))).toBe('3 replicas · 8 workers');
  });
});
