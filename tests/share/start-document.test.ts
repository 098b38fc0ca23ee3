import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { encodeShareHash } from '../../src/share/share-link.ts';
import { resolveStartDocument } from '../../src/share/start-document.ts';

const at = (path: string) => new URL(path, 'https://example.org/sub/path/');

describe('resolveStartDocument', () => {
  it('opens nothing for a plain URL', async () => {
    expect(await resolveStartDocument(at('./'))).toEqual({ kind: 'none' });
    expect(await resolveStartDocument(at('./?experiments#top'))).toEqual({ kind: 'none' });
  });

  it('opens a built-in by id, and by its reference name', async () => {
    const mfa = findBuiltin('mfa-outage-2019')!;
    expect(await resolveStartDocument(at('./?scenario=mfa-outage-2019'))).toEqual({ kind: 'builtin', id: 'mfa-outage-2019', document: mfa.scenario });
    expect(await resolveStartDocument(at('./?scenario=s7'))).toEqual({ kind: 'builtin', id: 'mfa-outage-2019', document: mfa.scenario });
  });

  it('names an unknown built-in and says where the valid ids are', async () => {
    const result = await resolveStartDocument(at('./?scenario=nope'));
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.problem).toMatch(/unknown built-in scenario "nope" \(`npx faultline list` prints the valid ids/);
  });

  it('opens a #s= link, even next to ?scenario', async () => {
    const document = { format: 'faultline.scenario/v1', name: 'mine', nodes: [] };
    const hash = await encodeShareHash(document);
    expect(await resolveStartDocument(at(`./${hash}`))).toEqual({ kind: 'link', document });
    expect(await resolveStartDocument(at(`./?embed&scenario=checkout${hash}`))).toEqual({ kind: 'link', document });
  });

  it('reports a mangled #s= link as an error with the decoder\'s problem', async () => {
    expect(await resolveStartDocument(at('./#s=ab$cd'))).toEqual({ kind: 'error', problem: "the link's scenario is not valid base64url at character 3" });
  });
});
