/**
 * The app runs under a Content-Security-Policy without 'unsafe-eval'. zod compiles fast paths
 * with `new Function` unless told `jitless`; this checks that nothing in src/scenario (zod
 * included) compiles code, from module load to a full parse.
 */
import { afterEach, describe, expect, it } from 'vitest';

const RealFunction = globalThis.Function;
const realEval = globalThis.eval;

afterEach(() => {
  globalThis.Function = RealFunction;
  globalThis.eval = realEval;
});

describe('under a CSP that forbids eval', () => {
  it('loads and parses without compiling code', async () => {
    const attempts: string[] = [];
    const refuse = (what: string) => {
      attempts.push(what);
      throw new EvalError(`refused by CSP: ${what}`);
    };
    // a Proxy keeps `instanceof Function` and Function.prototype working; only compiling is refused
    globalThis.Function = new Proxy(RealFunction, {
      construct: () => refuse('new Function'),
      apply: () => refuse('Function()'),
    });
    globalThis.eval = () => refuse('eval');

    // imported only now, so that zod's own module code runs under the stub too
    const { parseScenario } = await import('../../src/scenario');
    const { threeTier } = await import('./fixtures');
    const result = parseScenario(threeTier({}, { faults: [{ at: '1s', target: 'api', action: 'slow', factor: 2 }] }));

    expect(result.ok).toBe(true);
    expect(parseScenario({ format: 1 }).ok).toBe(false);
    expect(attempts).toEqual([]);
  });
});
