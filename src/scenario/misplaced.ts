/**
 * Messages for a field written on a node kind it does not belong to ("keys" on a service,
 * "auth" on an identity provider), clearer than "unknown field".
 */
import { quote } from './errors.ts';

/** Fields of one kind only, by the kind that has them. */
const KIND_FIELDS: Record<string, readonly string[]> = {
  identity: ['signingKey', 'tokenLifetime', 'mfa'],
  keyset: ['keys'],
};

const NO_VALIDATION =
  'does not validate tokens: "auth" (token validation) belongs on a service, database or external that receives requests with tokens';

/** `elsewhere` messages for `fields(…)` of a station-like kind. */
export function misplacedFields(kind: string): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [owner, names] of Object.entries(KIND_FIELDS)) {
    if (owner === kind) continue;
    for (const name of names) {
      const owners = name === 'keys' ? 'kinds "keyset" (key ids) and "cache" (a key count)' : `kind ${quote(owner)}`;
      messages[name] = `${quote(name)} is a field of ${owners}, not of ${quote(kind)}`;
    }
  }
  if (kind === 'identity') messages.auth = `an identity provider ${NO_VALIDATION}`;
  if (kind === 'keyset') messages.auth = `a key set ${NO_VALIDATION}`;
  return messages;
}
