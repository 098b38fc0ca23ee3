/**
 * The `origin` parameter: the one parent origin allowed to drive the embed. Only a bare
 * https origin (http on localhost) is accepted — "https://blog.example" — never a path, a wildcard, "null" or
 * another scheme (a `javascript:` value is the classic injection attempt). The one rule: the
 * embed reads its URL with it and the share dialog checks what a person types with it
 * (docs/embedding.md § origin), so a snippet the dialog writes is one the embed accepts.
 */

/** Longer than any real origin (a DNS name is at most 253 characters). */
const MAX_ORIGIN_CHARS = 300;
/** Values quoted back in messages are cut to this length. */
const MAX_QUOTED_CHARS = 40;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A value as a message quotes it: JSON-quoted (so it reads as data) and cut short. */
export function describeParamValue(value: string): string {
  const cut = value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS)}…` : value;
  return JSON.stringify(cut);
}

export type OriginResult = { ok: true; origin: string } | { ok: false; problem: string };

export function readAllowedOrigin(value: string): OriginResult {
  const expected = 'it must be the parent page\'s origin, like "https://blog.example" (scheme, host and port only)';
  if (value.length > MAX_ORIGIN_CHARS) return { ok: false, problem: `is ${value.length} characters long; ${expected}` };
  const trimmed = value.trim().replace(/\/$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: `cannot be ${describeParamValue(value)}; ${expected}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: `cannot be ${describeParamValue(value)}: only https origins are allowed; ${expected}` };
  }
  // Plain http can be rewritten in transit, which makes an origin check worthless — except on
  // this machine (the same rule as the share dialog's snippet generator).
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return { ok: false, problem: `cannot be ${describeParamValue(value)}: use https (plain http is allowed only for localhost); ${expected}` };
  }
  // A path, query, fragment or user name means this is a URL, not an origin.
  if (!/^https?:\/\/[^/?#@\\]+$/i.test(trimmed)) {
    return { ok: false, problem: `cannot be ${describeParamValue(value)}: that is a URL, not an origin (its origin is ${url.origin}); ${expected}` };
  }
  return { ok: true, origin: url.origin };
}
