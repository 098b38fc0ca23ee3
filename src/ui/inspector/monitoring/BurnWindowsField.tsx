/**
 * An SLO alert's burn-rate pairs. Without `slo.windows` the alert uses the format's default pairs,
 * said in words; "Set my own pairs" writes those same pairs into the file to edit (so the alert
 * fires exactly as before until a number changes), and "Use the default pairs" removes them again.
 * Each pair's messages (a short window longer than its long one…) come from the parser, by path.
 */
import { DEFAULT_BURN_WINDOWS, MAX_BURN_WINDOWS, NEXT_BURN_WINDOW } from '../../../scenario/facts.ts';
import type { FieldBinding } from '../fields/binding.ts';
import { FieldMessages } from '../fields/FieldMessages.tsx';
import { inputId } from '../fields/binding.ts';
import { TextField } from '../fields/TextField.tsx';

const WINDOWS = ['slo', 'windows'] as const;

/** "1h and 5m at 14.4×, or 6h and 30m at 6×": the format's default pairs, as the hint says them. */
const DEFAULT_PAIRS = DEFAULT_BURN_WINDOWS.map((w) => `${w.long} and ${w.short} at ${w.factor}×`).join(', or ');

export function BurnWindowsField({ binding }: { binding: FieldBinding }) {
  const windows = binding.get([...WINDOWS]);
  const setWindows = (next: unknown) => binding.set([...WINDOWS], next);
  if (!Array.isArray(windows)) {
    return (
      <div className="fl-field">
        <p className="fl-field__hint">
          Fires while both windows of a pair burn the error budget faster than its factor: {DEFAULT_PAIRS} (the SRE workbook’s pairs).
        </p>
        <FieldMessages id={`${inputId(binding, [...WINDOWS])}-messages`} issues={binding.issues([...WINDOWS])} />
        <div className="fl-actions">
          <button type="button" className="fl-button" onClick={() => setWindows(DEFAULT_BURN_WINDOWS.map((w) => ({ ...w })))}>
            Set my own pairs
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="fl-field">
      <p className="fl-field__hint">Fires while both windows of any pair burn the error budget faster than the pair’s factor.</p>
      <FieldMessages id={`${inputId(binding, [...WINDOWS])}-messages`} issues={binding.issues([...WINDOWS])} />
      {windows.map((_, i) => (
        <fieldset key={i} className="fl-group fl-monitoring__item" aria-label={`Burn-rate pair ${i + 1}`}>
          <legend>Pair {i + 1}</legend>
          <TextField binding={binding} path={[...WINDOWS, i, 'long']} label="Long window" kind="duration" />
          <TextField binding={binding} path={[...WINDOWS, i, 'short']} label="Short window" kind="duration" hint="No longer than the long one; it lets the alert clear soon after the burning stops." />
          <TextField binding={binding} path={[...WINDOWS, i, 'factor']} label="Burn-rate factor" kind="number" />
          {windows.length > 1 && (
            <div className="fl-actions">
              <button type="button" className="fl-button fl-button--danger" onClick={() => setWindows(windows.filter((__, j) => j !== i))}>
                Remove pair {i + 1}
              </button>
            </div>
          )}
        </fieldset>
      ))}
      <div className="fl-actions">
        {windows.length < MAX_BURN_WINDOWS && (
          <button type="button" className="fl-button" onClick={() => setWindows([...windows, { ...NEXT_BURN_WINDOW }])}>
            Add a pair
          </button>
        )}
        <button type="button" className="fl-button" onClick={() => setWindows(undefined)}>
          Use the default pairs
        </button>
      </div>
    </div>
  );
}
