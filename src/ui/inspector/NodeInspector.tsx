/** The selected node: its id and label, its kind's fields, a keyboard way to link it, its JSON. */
import { graphActions, type DocumentNode, type ScenarioDocument } from '../../store/graph-store.ts';
import type { FieldIssue } from '../../store/graph/validation-index.ts';
import { kindEntry } from '../kinds/kind-registry.ts';
import { InjectNow } from '../timeline/InjectNow.tsx';
import { ConnectControl } from './ConnectControl.tsx';
import { nodeBinding } from './fields/binding.ts';
import { FieldMessages } from './fields/FieldMessages.tsx';
import { TextField } from './fields/TextField.tsx';
import { JsonEditor } from './JsonEditor.tsx';
import { MonitoringSection, monitoringSubject } from './monitoring/MonitoringSection.tsx';

export function NodeInspector({ node, document, issues }: { node: DocumentNode; document: ScenarioDocument; issues: readonly FieldIssue[] | undefined }) {
  const entry = kindEntry(node.kind);
  const binding = nodeBinding(node, issues);
  const Section = entry?.Inspector;
  const Glyph = entry?.Glyph;
  return (
    <section className="fl-inspector__body" aria-labelledby="fl-inspector-title">
      <h2 id="fl-inspector-title" className="fl-inspector__title">
        {Glyph && <span className="fl-node__glyph" aria-hidden="true"><Glyph /></span>}
        {entry?.title ?? node.kind} <code>{node.id}</code>
      </h2>
      {entry && <p className="fl-field__hint">{entry.description}</p>}
      <InjectNow ids={[node.id]} />
      <FieldMessages id={`${binding.key}-messages`} issues={binding.issues([])} />
      <TextField binding={binding} path={['id']} label="Id" kind="id" onCommit={(text) => graphActions.renameNode(node.id, text.trim())} hint="Unique; links, calls and faults follow a rename." />
      <TextField binding={binding} path={['label']} label="Label" kind="text" absent={node.id} />
      {Section ? <Section node={node} document={document} binding={binding} /> : <p>This editor does not know kind “{node.kind}”; edit it as JSON.</p>}
      <MonitoringSection id={node.id} {...monitoringSubject({ kind: 'node', nodeKind: node.kind })} />
      <ConnectControl node={node} document={document} />
      <JsonEditor
        id={`fl-json-${binding.key}`}
        label="Edit as JSON"
        value={node}
        hiddenKeys={['id', 'position']}
        onCommit={(next) => graphActions.setNodeField(node.id, [], next)}
      />
      <div className="fl-actions">
        <button type="button" className="fl-button fl-button--danger" onClick={() => graphActions.removeNodes([node.id])}>Delete node</button>
      </div>
    </section>
  );
}
