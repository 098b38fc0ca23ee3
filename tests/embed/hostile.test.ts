// Random and mutated input at the embed's decoders: always an answer (ok, or problems with
// text), never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInboundMessage } from '../../src/embed/messages.ts';
import { readEmbedParams } from '../../src/embed/params.ts';

const PARAM_NAMES = ['embed', 'scenario', 'autoplay', 'controls', 'speed', 'caption', 'theme', 'motion', 'origin', 'x'];
const VALUES = ['visible', 'on', 'off', 'full', 'minimal', 'none', '1', '10', '100', 'max', 'auto', 'light', 'dark', 'reduce', 'https://a.example', 'javascript:alert(1)', '%', '%E0%A4%A', '<script>', ''];

const queryPair = fc.tuple(fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string()), fc.oneof(fc.constantFrom(...VALUES), fc.string(), fc.string({ unit: 'binary' })));
const query = fc.array(queryPair, { maxLength: 12 }).map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);

describe('hostile embed input', () => {
  it('any query string yields parameters or problems, each a non-empty string', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.string(), fc.string({ unit: 'binary', maxLength: 3000 })), (search) => {
        const result = readEmbedParams(search);
        if (result.ok) {
          expect(['visible', 'on', 'off']).toContain(result.params.autoplay);
          expect(['full', 'minimal', 'none']).toContain(result.params.controls);
          expect(['story', 1, 10, 100, 'max']).toContain(result.params.speed);
          for (const w of result.warnings) expect(w.length).toBeGreaterThan(0);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) expect(p.length).toBeGreaterThan(0);
        }
      }),
      { seed: 3501, numRuns: 500 },
    );
  });

  it('an accepted origin is always a bare https (or local http) origin', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.webUrl().map((u) => new URL(u).origin), fc.string()), (origin) => {
        const result = readEmbedParams(`?embed&origin=${encodeURIComponent(origin)}`);
        if (result.ok && result.params.allowedOrigin !== null) {
          const url = new URL(result.params.allowedOrigin);
          expect(url.origin).toBe(result.params.allowedOrigin);
          expect(url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)).toBe(true);
        }
      }),
      { seed: 3502, numRuns: 500 },
    );
  });

  const command = fc.record(
    {
      type: fc.oneof(fc.constantFrom('faultline:load', 'faultline:play', 'faultline:pause', 'faultline:reset', 'faultline:inject', 'faultline:setSpeed'), fc.string()),
      version: fc.oneof(fc.constant(1), fc.anything()),
      speed: fc.anything(),
      builtin: fc.anything(),
      scenario: fc.anything(),
      fault: fc.oneof(fc.record({ target: fc.anything(), action: fc.oneof(fc.constantFrom('crash', 'down'), fc.anything()) }, { requiredKeys: [] }), fc.anything()),
    },
    { requiredKeys: [] },
  );

  it('any message object (and anything else) yields a command or a problem, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(command, fc.anything({ withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true, withBigInt: true })), (data) => {
        const result = parseInboundMessage(data);
        if (result.ok) expect(['load', 'play', 'pause', 'reset', 'inject', 'setSpeed']).toContain(result.command.type);
        else expect(result.problem.length).toBeGreaterThan(0);
      }),
      { seed: 3503, numRuns: 1000 },
    );
  });

  it('a message with the wrong shape is never accepted: play/pause/reset need nothing else, the rest need their field', () => {
    fc.assert(
      fc.property(command, (data) => {
        const result = parseInboundMessage(data);
        if (!result.ok) return;
        const c = result.command;
        if (c.type === 'setSpeed') expect(['story', 1, 10, 100, 'max']).toContain(c.speed);
        if (c.type === 'inject') expect(typeof c.fault.target === 'string' && typeof c.fault.action === 'string').toBe(true);
        if (c.type === 'load') expect('builtin' in c ? typeof c.builtin === 'string' : typeof c.scenario === 'object' || typeof c.scenario === 'string').toBe(true);
      }),
      { seed: 3504, numRuns: 1000 },
    );
  });
});
