/**
 * base64url (RFC 4648 §5, no padding) by hand: Node 20 and older browsers lack
 * Uint8Array.toBase64, and atob would lose the position of a bad character.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Map([...ALPHABET].map((char, value) => [char.charCodeAt(0), value]));

export function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const triple = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const charCount = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < charCount; c++) text += ALPHABET[(triple >> (18 - 6 * c)) & 63];
  }
  return text;
}

export type Base64UrlResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

/** Decodes unpadded (or '='-padded) base64url; a problem names the 1-based character position. */
export function fromBase64Url(text: string): Base64UrlResult {
  const body = text.replace(/={1,2}$/, '');
  const bytes = new Uint8Array(Math.floor((body.length * 6) / 8));
  let bits = 0;
  let bitCount = 0;
  let written = 0;
  for (let i = 0; i < body.length; i++) {
    const value = VALUE_OF.get(body.charCodeAt(i));
    if (value === undefined) return { ok: false, problem: `is not valid base64url at character ${i + 1}` };
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[written++] = (bits >> bitCount) & 0xff;
    }
  }
  // Checked after the characters: a bad character is the more useful message.
  if (body.length % 4 === 1) return { ok: false, problem: `is cut short (${body.length} characters cannot be base64url)` };
  return { ok: true, bytes };
}
