import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { layeredGraph } from '../../src/scenarios/generated.ts';
import { layoutDocument } from '../../src/store/graph/auto-layout.ts';
import { readEditableDocument } from '../../src/store/graph/document.ts';
import { decodeShareHash, encodeShareHash, MAX_SHARE_HASH_CHARS, unshareableHashProblem } from '../../src/share/share-link.ts';
import { deflateRaw } from '../../src/share/inflate.ts';
import { toBase64Url } from '../../src/share/base64url.ts';

/** A graph of at least 50 nodes as the editor holds it: laid out, so every node carries a position. */
function fiftyNodeDocument() {
  const read = readEditableDocument(layeredGraph(51));
  if (!read.ok) throw new Error(read.reason);
  return layoutDocument(read.document);
}

describe('share links', () => {
  it.each(builtinScenarios.map((s) => [s.id, s.scenario] as const))('round-trips the built-in %s exactly', async (_id, scenario) => {
    const decoded = await decodeShareHash(await encodeShareHash(scenario));
    expect(decoded).toEqual({ ok: true, document: scenario });
  });

  it('round-trips a laid-out 50-node graph, positions included, in a link under 4096 characters', async () => {
    const document = fiftyNodeDocument();
    expect(document.nodes.length).toBeGreaterThanOrEqual(50);
    expect(document.nodes.every((n) => n.position !== undefined)).toBe(true);
    const hash = await encodeShareHash(document);
    expect(hash.startsWith('#s=')).toBe(true);
    expect(hash.length).toBeLessThan(4096);
    expect(await decodeShareHash(hash)).toEqual({ ok: true, document });
  });

  it('does not offer a link the decoder would refuse: a 2,000-node graph with long labels is too big', async () => {
    const small = await encodeShareHash(layeredGraph(50));
    expect(unshareableHashProblem(small)).toBeNull();
    const big = layeredGraph(2000) as { nodes: Record<string, unknown>[] };
    big.nodes.forEach((node, i) => Object.assign(node, { label: `node ${i} ${String(Math.sin(i)).repeat(3)}` }));
    const hash = await encodeShareHash(big);
    expect(hash.length).toBeGreaterThan(MAX_SHARE_HASH_CHARS);
    expect(unshareableHashProblem(hash)).toMatch(/^this graph is too big for a link \([\d,]+ characters; links carry at most 65,536\): share it as a file with Download$/);
    expect(await decodeShareHash(hash)).toMatchObject({ ok: false });
  });

  it('keeps non-ASCII names and labels', async () => {
    const document = { name: 'Zürich → 東京 🚀', nodes: [{ id: 'a', label: 'é\u0000"<>' }] };
    expect(await decodeShareHash(await encodeShareHash(document))).toEqual({ ok: true, document });
  });

  it('names a bad base64url character by its position', async () => {
    expect(await decodeShareHash('#s=abcdefghijklmnop!rst')).toEqual({ ok: false, problem: "the link's scenario is not valid base64url at character 17" });
  });

  it('refuses a hash without a scenario, an empty one and an over-long one', async () => {
    expect((await decodeShareHash('#x=abc')).ok).toBe(false);
    expect(await decodeShareHash('#s=')).toEqual({ ok: false, problem: "the link's scenario is empty" });
    const long = await decodeShareHash(`#s=${'A'.repeat(MAX_SHARE_HASH_CHARS + 1)}`);
    expect(long.ok === false && long.problem).toMatch(/too long/);
  });

  it('says when a link was cut short', async () => {
    const hash = await encodeShareHash(builtinScenarios[0].scenario);
    const cut = await decodeShareHash(hash.slice(0, Math.floor(hash.length / 2)));
    expect(cut.ok).toBe(false);
    expect(cut.ok === false && cut.problem).toMatch(/damaged|cut short/);
  });

  it('refuses valid deflate that is not JSON, naming JSON', async () => {
    const hash = `#s=${toBase64Url(await deflateRaw(new TextEncoder().encode('{"nodes": [1, 2,')))}`;
    const decoded = await decodeShareHash(hash);
    expect(decoded.ok === false && decoded.problem).toMatch(/^the link's scenario is not JSON: /);
  });

  it('refuses valid deflate that is not UTF-8', async () => {
    const hash = `#s=${toBase64Url(await deflateRaw(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))}`;
    expect(await decodeShareHash(hash)).toEqual({ ok: false, problem: "the link's scenario is not valid UTF-8 text" });
  });

  it('stops unpacking a deflate bomb at 2 MB', async () => {
    // 20 MB of spaces deflates to ~20 KB: a link that fits the length limit.
    const bomb = new Uint8Array(20 * 1024 * 1024).fill(0x20);
    const hash = `#s=${toBase64Url(await deflateRaw(bomb))}`;
    expect(hash.length).toBeLessThan(MAX_SHARE_HASH_CHARS);
    expect(await decodeShareHash(hash)).toEqual({ ok: false, problem: "the link's scenario is larger than 2 MB once unpacked" });
  });
});
