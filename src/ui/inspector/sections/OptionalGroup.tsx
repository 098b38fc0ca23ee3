/**
 * A fieldset for an optional object field (`auth`, `mfa`): a checkbox adds it with `initial`
 * or removes it; its fields show while it exists, with the parser's messages for the object.
 */
import type { ReactNode } from 'react';
import type { FieldBinding } from '../fields/binding.ts';
import { FieldMessages } from '../fields/FieldMessages.tsx';
import { inputId } from '../fields/binding.ts';

export interface OptionalGroupProps {
  binding: FieldBinding;
  field: string;
  legend: string;
  checkLabel: string;
  initial: () => Record<string, unknown>;
  hint?: string;
  children: ReactNode;
}

export function OptionalGroup({ binding, field, legend, checkLabel, initial, hint, children }: OptionalGroupProps) {
  const value = binding.get([field]);
  const on = typeof value === 'object' && value !== null && !Array.isArray(value);
  const id = `${inputId(binding, [field])}-on`;
  // An id nobody could pick yet ("") is left out: the parser then asks for it by name.
  const add = () => Object.fromEntries(Object.entries(initial()).filter(([, v]) => v !== ''));
  return (
    <fieldset className="fl-group">
      <legend>{legend}</legend>
      <div className="fl-field fl-field--check">
        <input id={id} type="checkbox" checked={on} onChange={(e) => binding.set([field], e.target.checked ? add() : undefined)} />
        <label htmlFor={id}>{checkLabel}</label>
      </div>
      {hint && <p className="fl-field__hint">{hint}</p>}
      {on && children}
      <FieldMessages id={`${id}-messages`} issues={binding.issues([field])} />
    </fieldset>
  );
}
