/**
 * A fault in words, from its data alone: "the link to Apple push turns lossy (37% loss)". The one
 * place a fault becomes a sentence — captions, the story's segment labels and the caption
 * timeline's markers all read it. Names come from node labels, shortened to the part before a
 * parenthesis ("Apple push (APNs)" → "Apple push"): a caption is one line.
 */
import type { FaultSpec, ScenarioSpec } from '../engine/index.ts';

export type NameOf = (id: string) => string;

/** Short names of nodes and links ("the link to Apple push") for the sentences. */
export function namesOf(spec: Pick<ScenarioSpec, 'nodes' | 'links'>): NameOf {
  const nodeNames = new Map(spec.nodes.map((node) => [node.id, shortLabel(node.label, node.id)]));
  const links = new Map(spec.links.map((link) => [link.id, link]));
  return (id) => {
    const link = links.get(id);
    if (link !== undefined) return `the link to ${nodeNames.get(link.to) ?? link.to}`;
    return nodeNames.get(id) ?? id;
  };
}

function shortLabel(label: string | undefined, id: string): string {
  const text = (label ?? '').trim();
  if (text === '') return id;
  const beforeParenthesis = text.replace(/\s*\(.*$/, '').trim();
  return beforeParenthesis === '' ? text : beforeParenthesis;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** What the fault does, as the rest of a sentence whose subject is its target. */
function predicate(fault: FaultSpec): string {
  const p = fault.params;
  switch (fault.action) {
    case 'down':
      return 'goes down';
    case 'up':
      return 'comes back up';
    case 'degrade':
      if (p.loss !== undefined && p.loss > 0) return `turns lossy (${percent(p.loss)} loss)`;
      return 'degrades';
    case 'crash':
      return 'crashes';
    case 'recover':
      return 'recovers';
    case 'slow':
      return p.factor !== undefined ? `slows down ×${p.factor}` : 'slows down';
    case 'error':
      return p.errorRate !== undefined ? `fails ${percent(p.errorRate)} of requests` : 'starts failing';
    case 'setWorkers':
      return `runs with ${p.workers ?? '?'} workers`;
    case 'flush':
      return 'is flushed';
    case 'setRate':
      return 'changes its rate'; // worded with the traffic as the subject in describeFault
    case 'removeKey':
    case 'addKey':
    case 'restore':
      return 'changes its keys'; // worded with the key itself in describeFault
    case 'setSigningKey':
      return `signs with ${p.key ?? 'a new key'}`;
    case 'forceRefresh':
      return 'is forced to refresh its keys';
  }
}

/** What undoing the fault (its `for` running out) looks like. */
function revertPredicate(fault: FaultSpec): string {
  switch (fault.action) {
    case 'down':
      return 'comes back up';
    case 'degrade':
      return 'recovers';
    case 'crash':
      return 'is back';
    case 'slow':
      return 'is back to full speed';
    case 'error':
      return 'stops failing';
    default:
      return 'is back to how it was';
  }
}

function subject(fault: FaultSpec, nameOf: NameOf): string {
  if (fault.target !== '*') return nameOf(fault.target);
  return fault.action === 'forceRefresh' ? 'every validator' : 'everything it applies to';
}

function sentence(subjectText: string, rest: string): string {
  // "every validator is forced to refresh its keys"; a plural subject is rare enough to leave.
  return `${subjectText} ${rest}`;
}

/** "the link to Apple push turns lossy (37% loss)"; a key is the subject of its own change. */
export function describeFault(fault: FaultSpec, nameOf: NameOf): string {
  const key = fault.params.key;
  if (fault.action === 'removeKey' && key !== undefined) return `${key} is removed from ${nameOf(fault.target)}`;
  if (fault.action === 'addKey' && key !== undefined) return `${key} is added to ${nameOf(fault.target)}`;
  if (fault.action === 'restore') return `${nameOf(fault.target)} rolled back to the original keys`;
  // the traffic is the subject: a client's id is often a plural ("clients sends…" read wrong)
  if (fault.action === 'setRate') return `traffic from ${subject(fault, nameOf)} changes to ${fault.params.ratePerSec ?? '?'} requests/s`;
  return sentence(subject(fault, nameOf), predicate(fault));
}

/** "the link to Apple push recovers": the moment a fault's `for` ends. */
export function describeFaultEnd(fault: FaultSpec, nameOf: NameOf): string {
  if (fault.action === 'setRate') return `traffic from ${subject(fault, nameOf)} is back to its usual rate`;
  return sentence(subject(fault, nameOf), revertPredicate(fault));
}
