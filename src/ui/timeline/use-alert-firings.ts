/**
 * The running scenario's alert firings (issue 13), for the fault timeline: read from the worker
 * with the charts' poller (no entities asked for; one point), kept only when they changed, so the
 * timeline re-renders when an alert fires or clears, not at every poll.
 */
import { useEffect, useState } from 'react';
import type { AlertReport } from '../../engine/index.ts';
import { pollSeries } from '../charts/series-poller.ts';

export interface AlertFiring {
  name: string;
  severity: string;
  firedAtMs: number;
  clearedAtMs: number | null;
  /** Where a firing still on is drawn to: the run's clock when it was read. */
  untilMs: number;
}

export function useAlertFirings(): AlertFiring[] {
  const [firings, setFirings] = useState<AlertFiring[]>([]);
  useEffect(() => {
    let key = '';
    return pollSeries(
      () => [],
      (slice) => {
        const next = flatten(slice?.alerts ?? [], slice && slice.t.length > 0 ? slice.t[slice.t.length - 1] : 0);
        const nextKey = JSON.stringify(next);
        if (nextKey === key) return;
        key = nextKey;
        setFirings(next);
      },
      () => ({ maxPoints: 1 }),
    );
  }, []);
  return firings;
}

function flatten(alerts: readonly AlertReport[], nowMs: number): AlertFiring[] {
  return alerts.flatMap((a) => a.firings.map((f) => ({ name: a.name, severity: a.severity, ...f, untilMs: f.clearedAtMs ?? nowMs })));
}
