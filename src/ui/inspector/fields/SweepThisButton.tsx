/**
 * "Sweep this…" beside a numeric field: opens Experiments with this field chosen for a sweep of
 * the scenario on the canvas (src/ui/experiments/OwnSweep.tsx). Shown where the field has a path
 * an `experiment` can write (`nodes[api].workers`); the request goes through a tiny module so the
 * panel's own code still loads only when the dialog opens. Its name is its text; the field it is
 * for is its description (the title), so a label lookup of the field finds the box alone.
 */
import { requestSweep } from '../../experiments/sweep-request.ts';

export function SweepThisButton({ varyPath, label }: { varyPath: string | undefined; label: string }) {
  if (varyPath === undefined) return null;
  return (
    <button type="button" className="fl-field__sweep" title={`Sweep ${label}, ${varyPath}, over a list of values in Experiments`} onClick={() => requestSweep(varyPath)}>
      Sweep this…
    </button>
  );
}
