/**
 * Hostile links: whatever the hash, decodeShareHash resolves (never rejects) with a document or
 * a non-empty problem, and finishes (vitest's timeout catches a hang).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { decodeShareHash, encodeShareHash } from '../../src/share/share-link.ts';
import { deflateRaw } from '../../src/share/inflate.ts';
import { toBase64Url } from '../../src/share/base64url.ts';

async function expectSettled(hash: string): Promise<void> {
  const result = await decodeShareHash(hash);
  if (result.ok) expect(result).toHaveProperty('document');
  else {
    expect(typeof result.problem).toBe('string');
    expect(result.problem.length).toBeGreaterThan(0);
  }
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('decodeShareHash on hostile input', () => {
  it('settles on random strings, with or without the #s= prefix', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string().map((s) => `#s=${s}`), fc.string({ unit: 'binary' }).map((s) => `#s=${s}`)), expectSettled),
      { seed: 2501, numRuns: 300 },
    );
  });

  it('settles on random bytes encoded as base64url (they rarely inflate)', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), (bytes) => expectSettled(`#s=${toBase64Url(bytes)}`)), { seed: 2502, numRuns: 300 });
  });

  it('settles on deflated random bytes and deflated random JSON-ish text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 500 }), fc.json().map((j) => new TextEncoder().encode(j.slice(0, -1)))), async (bytes) =>
        expectSettled(`#s=${toBase64Url(await deflateRaw(bytes))}`),
      ),
      { seed: 2503, numRuns: 200 },
    );
  });

  it('settles on mutated valid links: flipped, cut, inserted and deleted characters', async () => {
    const links = await Promise.all(builtinScenarios.slice(0, 4).map((s) => encodeShareHash(s.scenario)));
    const mutation = fc.record({
      link: fc.constantFrom(...links),
      at: fc.nat(),
      op: fc.constantFrom('flip', 'cut', 'insert', 'delete'),
      char: fc.constantFrom(...BASE64URL, '=', '%', ' ', '#', 'é'),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ link, at, op, char }) => {
        const i = 3 + (at % (link.length - 3));
        const mutated =
          op === 'flip' ? link.slice(0, i) + char + link.slice(i + 1)
          : op === 'cut' ? link.slice(0, i)
          : op === 'insert' ? link.slice(0, i) + char + link.slice(i)
          : link.slice(0, i) + link.slice(i + 1);
        await expectSettled(mutated);
      }),
      { seed: 2504, numRuns: 400 },
    );
  });

  it('refuses a 50 MB deflate bomb by its length, and a 40 MB one that fits the length by its size', async () => {
    const huge = await encodeShareHash('x'.repeat(50 * 1024 * 1024));
    const hugeResult = await decodeShareHash(huge);
    expect(hugeResult.ok).toBe(false);
    expect(hugeResult.ok === false && hugeResult.problem).toMatch(/too long|larger than 2 MB/);

    const dense = `#s=${toBase64Url(await deflateRaw(new Uint8Array(40 * 1024 * 1024)))}`;
    expect(dense.length).toBeLessThan(64 * 1024);
    expect(await decodeShareHash(dense)).toEqual({ ok: false, problem: "the link's scenario is larger than 2 MB once unpacked" });
  });

  it('settles on deflate bombs of random shapes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 0, max: 255 }), async (megabytes, byte) => {
        const hash = `#s=${toBase64Url(await deflateRaw(new Uint8Array(megabytes * 1024 * 1024).fill(byte)))}`;
        const result = await decodeShareHash(hash);
        expect(result.ok).toBe(false);
        expect(result.ok === false && result.problem).toMatch(/larger than 2 MB/);
      }),
      { seed: 2505, numRuns: 8 },
    );
  });
});
