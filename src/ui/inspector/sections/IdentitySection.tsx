/**
 * Inspector fields of kind "identity" (docs/format.md § identity): the signing key, the token
 * lifetime, a second factor (`mfa`), then every station field of a service (it is one).
 */
import type { SectionProps } from './ClientSection.tsx';
import { DistributionField } from '../fields/DistributionField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { LinkedNodeField } from './LinkedNodeField.tsx';
import { OptionalGroup } from './OptionalGroup.tsx';
import { RetryFields } from './RetryFields.tsx';
import { StationSection } from './StationSection.tsx';
import { firstLinked } from './TokenFields.tsx';

export function IdentitySection({ node, document, binding }: SectionProps) {
  return (
    <>
      <TextField binding={binding} path={['signingKey']} label="Signing key (key id)" kind="id" hint="New tokens are signed with it; a key set must publish it." />
      <DistributionField binding={binding} path={['tokenLifetime']} label="Token lifetime" />
      <OptionalGroup
        binding={binding}
        field="mfa"
        legend="Second factor (MFA)"
        checkLabel="Sign-ins need a second factor"
        initial={() => ({ via: firstLinked(node, document) })}
      >
        <LinkedNodeField node={node} document={document} binding={binding} path={['mfa', 'via']} label="Via (called per sign-in)" />
        <TextField binding={binding} path={['mfa', 'when']} label="Only for classes" kind="names" absent="every class" hint="Class names, separated by commas." />
        <TextField binding={binding} path={['mfa', 'timeout']} label="Timeout per attempt" kind="duration" absent="none" />
        <RetryFields binding={binding} path={['mfa']} />
      </OptionalGroup>
      <StationSection node={node} document={document} binding={binding} />
    </>
  );
}
