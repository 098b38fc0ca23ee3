/**
 * The document a page should open with, from its URL: `?scenario=<built-in id>` or a `#s=` share
 * hash. The document is NOT validated here: callers load it through graphActions.load.
 */
import { findBuiltin } from '../scenarios/index.ts';
import { decodeShareHash, isShareHash } from './share-link.ts';

export type StartDocument =
  | { kind: 'none' }
  | { kind: 'builtin'; id: string; document: unknown }
  | { kind: 'link'; document: unknown }
  | { kind: 'error'; problem: string };

export async function resolveStartDocument(url: URL): Promise<StartDocument> {
  // A hash wins over ?scenario: it is the more specific (an edited copy of something).
  if (isShareHash(url.hash)) {
    const decoded = await decodeShareHash(url.hash);
    return decoded.ok ? { kind: 'link', document: decoded.document } : { kind: 'error', problem: decoded.problem };
  }
  const id = url.searchParams.get('scenario');
  if (id === null) return { kind: 'none' };
  const builtin = findBuiltin(id.trim());
  if (!builtin) {
    return {
      kind: 'error',
      problem: `the link names an unknown built-in scenario "${id.slice(0, 80)}" (\`npx faultline list\` prints the valid ids; the scenario library opens them by name)`,
    };
  }
  return { kind: 'builtin', id: builtin.id, document: builtin.scenario };
}
