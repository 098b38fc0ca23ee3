/**
 * Share links: the whole scenario document in the URL hash, `#s=<base64url(deflate-raw(JSON))>`.
 * The hash never reaches a server, and decoding is safe on any input: it never throws, and
 * hostile links are bounded in length and in unpacked size. See docs/sharing.md.
 */
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { deflateRaw, inflateRawBounded } from './inflate.ts';
import { admissionProblem } from '../scenario/light.ts'; // zod-free: the embed's first frame opens links

export const SHARE_HASH_PREFIX = '#s=';
/** Longer than any real scenario link (50 nodes ≈ 2 KB) and short enough to decode instantly. */
export const MAX_SHARE_HASH_CHARS = 64 * 1024;
/** A zip bomb stops here: the scenario file limit is larger, but no link needs more. */
export const MAX_SHARE_UNPACKED_BYTES = 2 * 1024 * 1024;

export type ShareDecodeResult = { ok: true; document: unknown } | { ok: false; problem: string };

export async function encodeShareHash(document: unknown): Promise<string> {
  const json = JSON.stringify(document);
  const packed = await deflateRaw(new TextEncoder().encode(json));
  return SHARE_HASH_PREFIX + toBase64Url(packed);
}

/** Why a freshly made hash cannot be shared (the decoder would refuse it), or null. */
export function unshareableHashProblem(hash: string): string | null {
  const payloadChars = hash.length - SHARE_HASH_PREFIX.length;
  if (payloadChars <= MAX_SHARE_HASH_CHARS) return null;
  return `this graph is too big for a link (${payloadChars.toLocaleString('en')} characters; links carry at most ${MAX_SHARE_HASH_CHARS.toLocaleString('en')}): share it as a file with Download`;
}

/** True when a hash carries a shared scenario (even a broken one, which then deserves a notice). */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_HASH_PREFIX) || hash.startsWith(SHARE_HASH_PREFIX.slice(1));
}

export async function decodeShareHash(hash: string): Promise<ShareDecodeResult> {
  try {
    return await decode(hash);
  } catch (error) {
    // Belt and braces: the steps below already turn every failure into a problem.
    return { ok: false, problem: `the link's scenario could not be read: ${String(error)}` };
  }
}

async function decode(hash: string): Promise<ShareDecodeResult> {
  if (typeof hash !== 'string' || !isShareHash(hash)) return fail('the link does not carry a scenario (expected #s=…)');
  const payload = hash.slice(hash.indexOf('=') + 1);
  if (payload.length === 0) return fail("the link's scenario is empty");
  if (payload.length > MAX_SHARE_HASH_CHARS) {
    return fail(`the link's scenario is too long (${payload.length} characters; the limit is ${MAX_SHARE_HASH_CHARS})`);
  }
  const packed = fromBase64Url(payload);
  if (!packed.ok) return fail(`the link's scenario ${packed.problem}`);
  const unpacked = await inflateRawBounded(packed.bytes, MAX_SHARE_UNPACKED_BYTES);
  if (!unpacked.ok) {
    return fail(
      unpacked.problem === 'too-large'
        ? `the link's scenario is larger than ${MAX_SHARE_UNPACKED_BYTES / 1024 / 1024} MB once unpacked`
        : "the link's scenario is damaged (it does not unpack: was the link cut or edited?)",
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(unpacked.bytes);
  } catch {
    return fail("the link's scenario is not valid UTF-8 text");
  }
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch (error) {
    return fail(`the link's scenario is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  // the limits every door applies: 19,000 nodes in 64 KB must not reach the layout or the autosave
  const refused = admissionProblem(document);
  if (refused !== null) return fail(`the link's scenario breaks a limit: ${refused.path === '(file)' ? '' : `${refused.path}: `}${refused.message}`);
  return { ok: true, document };
}

function fail(problem: string): ShareDecodeResult {
  return { ok: false, problem };
}
