/**
 * Does B see the same traffic as A? The engine draws each client's arrivals from its own streams
 * (src/engine/random.ts: seed × client id × purpose), so they stay identical unless the change
 * touches what those draws depend on. docs/compare.md explains each case.
 */
import type { FieldEdit } from './doc-diff.ts';
import { readAt } from './doc-path.ts';

/** Client fields that decide when requests are generated and of which class. */
const ARRIVAL_FIELDS = new Set(['rate', 'arrival', 'users', 'think', 'classes', 'sessions']);

export interface TrafficVerdict {
  same: boolean;
  /** Why not, in words; empty when the traffic is the same. */
  reasons: string[];
}

/** A fault edit changes arrivals only when the fault (before or after) targets a client, or all. */
function touchesClient(a: Record<string, unknown>, edit: FieldEdit): boolean {
  const item = /^faults\[([^\]]+)\]/.exec(edit.path);
  if (!item) return true; // the whole list replaced
  const targets = [readAt(a, `faults[${item[1]}].target`), (edit.after as { target?: unknown } | undefined)?.target, (edit.before as { target?: unknown } | undefined)?.target];
  if (edit.path.endsWith('.target')) targets.push(edit.after, edit.before);
  return targets.some((target) => target === '*' || (typeof target === 'string' && readAt(a, `nodes[${target}].kind`) === 'client'));
}

export function sameTraffic(a: Record<string, unknown>, edits: readonly FieldEdit[]): TrafficVerdict {
  const reasons: string[] = [];
  for (const edit of edits) {
    const match = /^nodes\[([^\]]+)\](?:\.([A-Za-z_$][\w$]*))?/.exec(edit.path);
    if (edit.path === 'seed') reasons.push('the seed differs');
    else if (edit.path.startsWith('faults') && touchesClient(a, edit)) reasons.push(`a fault on a client changes (${edit.path})`);
    else if (match) {
      const node = match[1];
      const kind = readAt(a, `nodes[${node}].kind`) ?? (edit.after as { kind?: unknown } | undefined)?.kind;
      if (kind === 'client' && (match[2] === undefined || ARRIVAL_FIELDS.has(match[2]))) reasons.push(`${node}'s arrivals change (${edit.path})`);
    }
  }
  const nodes = Array.isArray(a.nodes) ? (a.nodes as Record<string, unknown>[]) : [];
  for (const node of nodes) {
    if (node.kind === 'client' && node.users !== undefined) reasons.push(`${String(node.id)} is a closed loop: its users send again when an answer comes back, so a faster or slower system changes when they send`);
  }
  return { same: reasons.length === 0, reasons };
}
