/** The selected link: its network parameters, parallel-link routing and the response direction. */
import { graphActions, type DocumentLink } from '../../store/graph-store.ts';
import type { FieldIssue } from '../../store/graph/validation-index.ts';
import { linkBinding } from './fields/binding.ts';
import { CheckField } from './fields/CheckField.tsx';
import { ChoiceField } from './fields/ChoiceField.tsx';
import { DistributionField } from './fields/DistributionField.tsx';
import { FieldMessages } from './fields/FieldMessages.tsx';
import { TextField } from './fields/TextField.tsx';
import { JsonEditor } from './JsonEditor.tsx';
import { MonitoringSection, monitoringSubject } from './monitoring/MonitoringSection.tsx';
import { InjectNow } from '../timeline/InjectNow.tsx';

export function LinkInspector({ link, issues, parallel }: { link: DocumentLink; issues: readonly FieldIssue[] | undefined; parallel: number }) {
  const binding = linkBinding(link, issues);
  return (
    <section className="fl-inspector__body" aria-labelledby="fl-inspector-title">
      <h2 id="fl-inspector-title" className="fl-inspector__title">Link <code>{link.id}</code></h2>
      <p className="fl-field__hint">
        {link.from} → {link.to}. Requests go this way; responses come back over the same link.
        {parallel > 1 && ` One of ${parallel} parallel links.`}
      </p>
      <InjectNow ids={[link.id]} />
      <FieldMessages id={`${binding.key}-messages`} issues={[...binding.issues([]), ...binding.issues(['from']), ...binding.issues(['to'])]} />
      <TextField binding={binding} path={['id']} label="Id" kind="id" onCommit={(text) => graphActions.renameLink(link.id, text.trim())} />
      <DistributionField binding={binding} path={['latency']} label="Latency (one way)" />
      <TextField binding={binding} path={['capacity']} label="Capacity (messages/s)" kind="countOrNull" />
      <TextField binding={binding} path={['buffer']} label="Buffer (messages)" kind="countOrNull" hint="Drop-tail; only matters with a capacity." />
      <TextField binding={binding} path={['loss']} label="Loss (0–1 or %)" kind="probability" />
      <CheckField binding={binding} path={['up']} label="Up at the start" />
      <fieldset className="fl-group">
        <legend>Parallel links</legend>
        <ChoiceField binding={binding} path={['routing']} label="Routing" options={['failover', 'spread']} hint="Parallel links between the same nodes must agree." />
        <TextField binding={binding} path={['priority']} label="Priority (failover: lowest up wins)" kind="number" />
        <TextField binding={binding} path={['weight']} label="Weight (spread: relative share)" kind="number" />
        <TextField binding={binding} path={['detectAfter']} label="Senders notice down/up after" kind="duration" />
      </fieldset>
      <details className="fl-group">
        <summary>Response direction (where it differs)</summary>
        <DistributionField binding={binding} path={['back', 'latency']} label="Latency back" absent="same as forward" />
        <TextField binding={binding} path={['back', 'capacity']} label="Capacity back (messages/s)" kind="countOrNull" absent="same as forward" />
        <TextField binding={binding} path={['back', 'buffer']} label="Buffer back (messages)" kind="countOrNull" absent="same as forward" />
        <TextField binding={binding} path={['back', 'loss']} label="Loss back (0–1 or %)" kind="probability" absent="same as forward" />
      </details>
      <MonitoringSection id={link.id} {...monitoringSubject({ kind: 'link' })} />
      <JsonEditor id={`fl-json-${binding.key}`} label="Edit as JSON" value={link} hiddenKeys={['id', 'from', 'to']} onCommit={(next) => graphActions.setLinkField(link.id, [], next)} />
      <div className="fl-actions">
        <button type="button" className="fl-button fl-button--danger" onClick={() => graphActions.removeLinks([link.id])}>Delete link</button>
      </div>
    </section>
  );
}
