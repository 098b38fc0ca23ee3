/** A client's request classes: name and relative weight; none listed = one class "default". */
import type { DocumentNode } from '../../../store/graph-store.ts';
import type { FieldBinding } from '../fields/binding.ts';
import { FieldMessages } from '../fields/FieldMessages.tsx';
import { TextField } from '../fields/TextField.tsx';

export function ClassesFields({ node, binding }: { node: DocumentNode; binding: FieldBinding }) {
  const classes = Array.isArray(node.classes) ? (node.classes as unknown[]) : [];
  const add = () => binding.set(['classes'], [...classes, { name: `class-${classes.length + 1}`, weight: 1 }]);
  const remove = (index: number) => binding.set(['classes'], classes.length === 1 ? undefined : classes.filter((_, i) => i !== index));
  return (
    <fieldset className="fl-group">
      <legend>Request classes</legend>
      {classes.length === 0 && <p className="fl-field__hint">One class, "default".</p>}
      {classes.map((_, index) => (
        <div className="fl-row-item" key={index}>
          <TextField binding={binding} path={['classes', index, 'name']} label={`Class ${index + 1} name`} kind="text" />
          <TextField binding={binding} path={['classes', index, 'weight']} label="Weight" kind="number" />
          <button type="button" className="fl-button fl-button--small" onClick={() => remove(index)} aria-label={`Remove class ${index + 1}`}>Remove</button>
        </div>
      ))}
      <button type="button" className="fl-button fl-button--small" onClick={add}>Add class</button>
      <FieldMessages id={`${binding.key}-classes-messages`} issues={binding.issues(['classes'])} />
    </fieldset>
  );
}
