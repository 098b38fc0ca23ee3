/**
 * Which probes check a node (the format's top-level `probes`, issue 13): the card of a probe's
 * target carries a mark, so a reader sees where the synthetic check looks and how often — and its
 * alert's bell rings beside it. Read from the document as written: a probe the parser would refuse
 * is still marked where it points (its problems are the validation's to show).
 */
export interface ProbeMark {
  id: string;
  via: string | null;
  every: string | null;
}

/** A field the probe itself holds (never one inherited: a document is untrusted). */
const own = (record: object, key: string): unknown => (Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? `${value}ms` : null);

/** The probes whose `target` is `nodeId`, in document order. */
export function probesChecking(probes: unknown, nodeId: string): ProbeMark[] {
  if (!Array.isArray(probes)) return [];
  const marks: ProbeMark[] = [];
  for (const probe of probes) {
    if (typeof probe !== 'object' || probe === null) continue;
    const id = own(probe, 'id');
    if (own(probe, 'target') !== nodeId || typeof id !== 'string') continue;
    marks.push({ id, via: text(own(probe, 'via')), every: text(own(probe, 'every')) });
  }
  return marks;
}

/** "Probed every 10m by apns-probe, via mfa-service" (one sentence per probe, joined). */
export function probeSentence(marks: readonly ProbeMark[]): string {
  return marks
    .map((m) => `Probed${m.every === null ? '' : ` every ${m.every}`} by ${m.id}${m.via === null ? '' : `, via ${m.via}`}`)
    .join('; ');
}
