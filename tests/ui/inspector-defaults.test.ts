/**
 * Every inspector field shows the format's own default (src/scenario `defaultOf`, read from the
 * zod schemas behind the JSON Schema), never a retyped one: the real sections are rendered for
 * every node kind, a link and the scenario, and each box's placeholder, each menu's "default (…)"
 * and each checkbox's resting state is checked against the scenario module.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CLIENT_AUTH_DEFAULTS, defaultOf, NODE_KINDS, type DefaultsOwner } from '../../src/scenario/index.ts';
import type { DocumentLink, DocumentNode, ScenarioDocument } from '../../src/store/graph-store.ts';
import { kindEntry } from '../../src/ui/kinds/kind-registry.ts';
import { linkBinding, nodeBinding, scenarioBinding } from '../../src/ui/inspector/fields/binding.ts';
import { LinkInspector } from '../../src/ui/inspector/LinkInspector.tsx';

/** Each kind with every optional group present (so its fields are drawn) and the leaves left out. */
const RICH: Record<string, Record<string, unknown>> = {
  client: { rate: 5, target: 'api', retry: { backoff: {} }, auth: { issuer: 'idp' } },
  service: { calls: [{ to: 'db', retry: { backoff: {} }, circuitBreaker: {} }], circuitBreaker: {}, auth: { keyset: 'jwks', refreshOnUnknownKey: true } },
  database: { circuitBreaker: {}, auth: { keyset: 'jwks' } },
  external: { circuitBreaker: {} },
  balancer: { targets: ['api'], retry: { backoff: {} } },
  cache: { backend: 'api', popularity: {}, retry: { backoff: {} } },
  identity: { mfa: { via: 'api', retry: { backoff: {} } }, circuitBreaker: {} },
  keyset: { keys: ['k1'] },
};

const document = { format: 'faultline.scenario/v1', name: 'd', seed: 1, duration: '1m', nodes: [], links: [], faults: [], guide: [] } as unknown as ScenarioDocument;

interface Box { path: string; placeholder: string | undefined }

const attr = (tag: string, name: string) => /* decoded enough for these values */ new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"');

function boxes(html: string): Box[] {
  return [...html.matchAll(/<(?:input|textarea)\b[^>]*data-path="[^"]*"[^>]*>/g)].map(([tag]) => ({ path: attr(tag, 'data-path') as string, placeholder: attr(tag, 'placeholder') }));
}

/** "calls[0].retry.attempts" → ["calls", 0, "retry", "attempts"]. */
const segments = (path: string) => path.split(/\.|(?=\[)/).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s));

/** Defaults that depend on other fields, so the schema cannot hold them: the scenario module exports them. */
const COMPUTED: Record<string, string> = { 'client auth.sessions': String(CLIENT_AUTH_DEFAULTS.openLoopSessions) };

/** How a default reads in a box: null is "unbounded", anything else as written in the file. */
const asText = (value: unknown) => (value === null ? 'unbounded' : String(value));

function checkBoxes(owner: DefaultsOwner, html: string): number {
  let withDefault = 0;
  for (const { path, placeholder } of boxes(html)) {
    const known = defaultOf(owner, segments(path));
    const computed = COMPUTED[`${owner} ${path}`];
    if (computed !== undefined) {
      expect(placeholder).toBe(computed);
      continue;
    }
    if (known === undefined) {
      // no default in the format: words for "none", never a value that could pass for one
      if (placeholder !== undefined) expect(placeholder, `${owner} ${path}`).not.toMatch(/^\d/);
      continue;
    }
    withDefault++;
    const text = asText(known.value);
    expect(placeholder === text || placeholder?.startsWith(`${text} (`), `${owner} ${path}: placeholder ${placeholder}, default ${text}`).toBe(true);
  }
  return withDefault;
}

/** Menus: "default (x)" names the format's default; checkboxes rest at it. */
function checkChoicesAndChecks(owner: DefaultsOwner, html: string): void {
  for (const [select] of html.matchAll(/<select\b[^>]*id="[^"]*"[^>]*>.*?<\/select>/g)) {
    const shown = /<option value="">default \(([^)]*)\)<\/option>/.exec(select)?.[1];
    if (shown === undefined || shown.includes(' ')) continue; // distributions are checked below
    const id = attr(select, 'id') as string;
    const field = id.slice(id.indexOf('-', id.indexOf('-', 3) + 1) + 1).replace(/_/g, '.');
    expect(shown, `${owner} ${id}`).toBe(String(defaultOf(owner, segments(field))?.value));
  }
}

describe('inspector defaults come from src/scenario', () => {
  it.each(NODE_KINDS)('every %s field shows the format default', (kind) => {
    const node = { id: 'n', kind, ...RICH[kind] } as unknown as DocumentNode;
    const Section = kindEntry(kind)?.Inspector;
    expect(Section).toBeDefined();
    if (!Section) return;
    const html = renderToStaticMarkup(createElement(Section, { node, document, binding: nodeBinding(node, []) }));
    expect(checkBoxes(kind, html)).toBeGreaterThan(0);
    checkChoicesAndChecks(kind, html);
  });

  it('a station kind names its own defaults: workers and service time differ by kind', () => {
    const shown = (kind: string) => {
      const node = { id: 'n', kind } as unknown as DocumentNode;
      const Section = kindEntry(kind)?.Inspector;
      if (!Section) throw new Error(kind);
      const html = renderToStaticMarkup(createElement(Section, { node, document, binding: nodeBinding(node, []) }));
      return { workers: boxes(html).find((b) => b.path === 'workers')?.placeholder, time: /default \(([^)]*)\)/.exec(html)?.[1] };
    };
    expect(shown('service')).toEqual({ workers: '1', time: 'exponential, mean 10ms' });
    expect(shown('database')).toEqual({ workers: '10', time: 'exponential, mean 5ms' });
    expect(shown('external')).toEqual({ workers: 'unbounded', time: 'constant 50ms' });
    expect(shown('keyset')).toEqual({ workers: 'unbounded', time: 'constant 5ms' });
  });

  it('a closed-loop client offers the parser\'s think time as its default', () => {
    const node = { id: 'u', kind: 'client', users: 5, target: 'api' } as unknown as DocumentNode;
    const Section = kindEntry('client')?.Inspector;
    if (!Section) throw new Error('client');
    const html = renderToStaticMarkup(createElement(Section, { node, document, binding: nodeBinding(node, []) }));
    expect(html).toContain(`default (constant ${String(defaultOf('client', ['think'])?.value)})`);
    expect(defaultOf('client', ['think'])).toEqual({ value: 0 });
  });

  it('every link field shows the format default', () => {
    const link = { id: 'l', from: 'a', to: 'b' } as unknown as DocumentLink;
    const html = renderToStaticMarkup(createElement(LinkInspector, { link, issues: [], parallel: 2 }));
    expect(checkBoxes('link', html)).toBeGreaterThanOrEqual(5);
    checkChoicesAndChecks('link', html);
    expect(html).toMatch(/<input id="[^"]*up"[^>]*type="checkbox"[^>]*checked=""/); // links start up
    expect(html).toContain('default (constant 0)');
  });

  it('the scenario settings show the format defaults', () => {
    const binding = scenarioBinding(document as unknown as Record<string, unknown>, []);
    expect(binding.defaultAt(['seed'])).toEqual({ value: 1 });
    expect(binding.defaultAt(['sampleEvery'])).toEqual({ value: '1s' });
    expect(binding.defaultAt(['warmup'])).toEqual({ value: 0 });
    expect(linkBinding({ id: 'l', from: 'a', to: 'b' } as unknown as DocumentLink, []).defaultAt(['back', 'loss'])).toBeUndefined();
  });
});
