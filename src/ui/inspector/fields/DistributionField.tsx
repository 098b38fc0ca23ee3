/**
 * A time distribution (docs/format.md): constant (the duration itself), exponential {mean},
 * uniform {min, max} or lognormal {median, p99}. Switching the shape keeps the typical value
 * (a constant of 50ms becomes an exponential with mean 50ms), so a person can compare.
 */
import type { FieldPath } from '../../../store/graph/field-path.ts';
import { inputId, type FieldBinding } from './binding.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { TextField } from './TextField.tsx';
import { valueToText } from './field-values.ts';

type Shape = 'default' | 'constant' | 'exponential' | 'uniform' | 'lognormal';

const PARAMS: Record<Exclude<Shape, 'default' | 'constant'>, [string, string][]> = {
  exponential: [['mean', 'Mean']],
  uniform: [['min', 'Min'], ['max', 'Max']],
  lognormal: [['median', 'Median'], ['p99', '99th percentile']],
};

function shapeOf(value: unknown): Shape {
  if (value === undefined) return 'default';
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const dist = (value as { dist?: unknown }).dist;
    return dist === 'exponential' || dist === 'uniform' || dist === 'lognormal' ? dist : 'exponential';
  }
  return 'constant';
}

/** The value a shape is "about": a constant, a mean, a median or a min. */
function typicalOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const d = value as Record<string, unknown>;
  return d.mean ?? d.median ?? d.min ?? d.max;
}

function reshape(value: unknown, shape: Shape): unknown {
  const typical = typicalOf(value) ?? '10ms';
  switch (shape) {
    case 'default':
      return undefined;
    case 'constant':
      return typical;
    case 'exponential':
      return { dist: 'exponential', mean: typical };
    case 'uniform':
      return { dist: 'uniform', min: 0, max: typical };
    case 'lognormal':
      return { dist: 'lognormal', median: typical, p99: typeof typical === 'number' ? typical * 5 : typical };
  }
}

export interface DistributionFieldProps {
  binding: FieldBinding;
  path: FieldPath;
  label: string;
  /** What leaving the field out means where the format has no default value ("same as forward"). */
  absent?: string;
}

/** A default in the file's notation, as the shape menu says it: "exponential, mean 10ms". */
export function distributionText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return `constant ${valueToText('duration', value)}`;
  const d = value as Record<string, unknown>;
  const t = (key: string) => valueToText('duration', d[key]);
  switch (d.dist) {
    case 'exponential':
      return `exponential, mean ${t('mean')}`;
    case 'uniform':
      return `uniform ${t('min')}–${t('max')}`;
    case 'lognormal':
      return `lognormal, median ${t('median')}, p99 ${t('p99')}`;
    default:
      return valueToText('text', value);
  }
}

export function DistributionField({ binding, path, label, absent }: DistributionFieldProps) {
  const id = inputId(binding, path);
  const known = binding.defaultAt(path);
  const defaultText = known === undefined ? (absent ?? 'none') : distributionText(known.value);
  const value = binding.get(path);
  const shape = shapeOf(value);
  return (
    <fieldset className="fl-group fl-distribution">
      <legend>{label}</legend>
      <div className="fl-field">
        <label htmlFor={id} className="fl-field__label">Shape</label>
        <select id={id} value={shape} onChange={(e) => binding.set(path, reshape(value, e.target.value as Shape))}>
          <option value="default">default ({defaultText})</option>
          <option value="constant">constant</option>
          <option value="exponential">exponential</option>
          <option value="uniform">uniform</option>
          <option value="lognormal">lognormal</option>
        </select>
      </div>
      {shape === 'constant' && <TextField binding={binding} path={path} label="Duration" kind="duration" />}
      {shape !== 'default' && shape !== 'constant' &&
        PARAMS[shape].map(([key, caption]) => <TextField key={key} binding={binding} path={[...path, key]} label={caption} kind="duration" />)}
      {shape !== 'constant' && <FieldMessages id={`${id}-messages`} issues={binding.issues(path)} />}
    </fieldset>
  );
}
