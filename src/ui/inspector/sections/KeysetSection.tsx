/** Inspector fields of kind "keyset" (docs/format.md § keyset): the keys it publishes, then every station field. */
import type { SectionProps } from './ClientSection.tsx';
import { TextField } from '../fields/TextField.tsx';
import { StationSection } from './StationSection.tsx';

export function KeysetSection({ node, document, binding }: SectionProps) {
  return (
    <>
      <TextField binding={binding} path={['keys']} label="Published keys (key ids)" kind="list" hint='Separated by commas or spaces, e.g. "K1, K2". At most 31 key ids in a scenario.' />
      <StationSection node={node} document={document} binding={binding} />
    </>
  );
}
