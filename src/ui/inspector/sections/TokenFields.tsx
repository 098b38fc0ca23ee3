/**
 * Token settings (docs/format.md § client auth, § token validation): a client's `auth` (where it
 * signs in, how many token holders, when it renews) and a validator's `auth` (which key set, how
 * its per-replica cache refreshes). Turning either on picks the first linked node of the right kind.
 */
import type { DocumentNode, ScenarioDocument } from '../../../store/graph-store.ts';
import { DEFAULT_REFRESH_EVERY } from '../../../store/graph/node-kind-rules.ts';
import type { FieldBinding } from '../fields/binding.ts';
import { CheckField } from '../fields/CheckField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { LinkedNodeField } from './LinkedNodeField.tsx';
import { OptionalGroup } from './OptionalGroup.tsx';
import { CLIENT_AUTH_DEFAULTS } from '../../../scenario/facts.ts';

interface Props {
  node: DocumentNode;
  document: ScenarioDocument;
  binding: FieldBinding;
}

/** The first node of `kind` this node has a link to, or "" (the parser then asks for one). */
export function firstLinked(node: DocumentNode, document: ScenarioDocument, kind?: string): string {
  const kinds = new Map(document.nodes.map((n) => [n.id, n.kind]));
  return document.links.find((l) => l.from === node.id && (kind === undefined || kinds.get(l.to) === kind))?.to ?? '';
}

export function ClientAuthFields({ node, document, binding }: Props) {
  const closed = node.users !== undefined && node.rate === undefined;
  return (
    <OptionalGroup
      binding={binding}
      field="auth"
      legend="Sign-in and tokens"
      checkLabel="Signs in and sends a token"
      initial={() => ({ issuer: firstLinked(node, document, 'identity') })}
      hint="A link to an identity provider turns this on."
    >
      <LinkedNodeField node={node} document={document} binding={binding} path={['auth', 'issuer']} label="Issuer (identity provider)" kind="identity" />
      <TextField binding={binding} path={['auth', 'sessions']} label="Sessions (token holders)" kind="number" absent={closed ? 'one per user' : String(CLIENT_AUTH_DEFAULTS.openLoopSessions)} />
      <TextField binding={binding} path={['auth', 'refreshBefore']} label="Sign in again before expiry" kind="duration" hint="0 = only when the token has expired." />
    </OptionalGroup>
  );
}

export function ValidatorFields({ node, document, binding }: Props) {
  const refetch = (binding.get(['auth', 'refreshOnUnknownKey']) ?? false) === true;
  return (
    <OptionalGroup
      binding={binding}
      field="auth"
      legend="Token validation"
      checkLabel="Validates tokens (each replica caches the key set)"
      initial={() => ({ keyset: firstLinked(node, document, 'keyset'), refreshEvery: DEFAULT_REFRESH_EVERY })}
      hint="A link to a key set turns this on."
    >
      <LinkedNodeField node={node} document={document} binding={binding} path={['auth', 'keyset']} label="Key set" kind="keyset" />
      <TextField binding={binding} path={['auth', 'refreshEvery']} label="Refresh every" kind="duration" hint="Each replica starts at a random phase: they break one by one." />
      <CheckField binding={binding} path={['auth', 'refreshOnUnknownKey']} label="Fetch again on an unknown key" />
      {refetch && <TextField binding={binding} path={['auth', 'minRefreshInterval']} label="…at most once per" kind="duration" defaultNote="every time" />}
      {!refetch && binding.get(['auth', 'minRefreshInterval']) !== undefined && (
        <TextField binding={binding} path={['auth', 'minRefreshInterval']} label="Min refresh interval (no effect without re-fetch)" kind="duration" />
      )}
      <TextField binding={binding} path={['auth', 'negativeTtl']} label="Remember an unknown key for" kind="duration" defaultNote="not remembered" />
      <CheckField binding={binding} path={['auth', 'keepLastKnownGood']} label="Keep the last known good keys (a fetch only adds)" />
      <TextField binding={binding} path={['auth', 'fetchTimeout']} label="Fetch timeout" kind="duration" />
    </OptionalGroup>
  );
}
