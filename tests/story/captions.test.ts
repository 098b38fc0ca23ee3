import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import type { ScenarioSpec } from '../../src/engine/spec.ts';
import { captionAt, describeFault, namesOf, storyCaptions, storyMarkers } from '../../src/story/index.ts';

function specOf(document: unknown): ScenarioSpec {
  const result = parseScenario(document);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.spec;
}
const builtin = (id: string) => specOf(builtinScenarios.find((b) => b.id === id)!.scenario);

describe('faults in words', () => {
  it('names the link by where it goes and the loss it has', () => {
    const spec = builtin('mfa-outage-2019');
    expect(describeFault(spec.faults[0]!, namesOf(spec))).toBe('the link to Apple push turns lossy (37% loss)');
  });

  it('a key fault is told by its key', () => {
    const spec = builtin('key-removal-2021');
    const nameOf = namesOf(spec);
    expect(spec.faults.map((f) => describeFault(f, nameOf))).toEqual([
      'K1 is removed from Published keys',
      'Published keys rolled back to the original keys',
      'every validator is forced to refresh its keys',
    ]);
  });
});

describe('a rate change in words', () => {
  it('the traffic is the subject, so a plural client id reads right, and its end is worded too', async () => {
    const { describeFaultEnd } = await import('../../src/story/fault-sentence.ts');
    const spec = builtin('retry-storm');
    const nameOf = namesOf(spec);
    const spike = spec.faults.find((f) => f.action === 'setRate')!;
    // the client's id is "clients": "clients sends 80 requests/s" was the old caption
    expect(describeFault(spike, nameOf)).toBe('traffic from clients changes to 80 requests/s');
    expect(describeFaultEnd(spike, nameOf)).toBe('traffic from clients is back to its usual rate');
  });
});

describe('captions', () => {
  it('a guided scenario is told by its steps, in time order, and the caption follows the clock', () => {
    const spec = builtin('key-removal-2021');
    const captions = storyCaptions(spec);
    expect(captions.map((c) => c.text)).toEqual(spec.guide.map((s) => s.title));
    expect(captionAt(captions, 30 * 60_000 - 1)!.text).toBe('18:30 UTC — healthy');
    expect(captionAt(captions, 30 * 60_000)!.text).toBe('19:00 — K1 disappears from the published keys');
  });

  it('without a guide, faults (and their ends) are the captions, at the time of day the story starts', () => {
    const spec = builtin('mfa-outage-2019');
    const unguided = { ...spec, guide: [], story: { startsAtMin: 13 * 60 + 22 } };
    expect(storyCaptions(unguided)).toEqual([
      { atMs: 600_000, text: '13:32 — the link to Apple push turns lossy (37% loss)' },
      { atMs: 11_400_000, text: '16:32 — the link to Apple push recovers' },
    ]);
    // and on the run's own clock without a start time
    expect(storyCaptions({ ...spec, guide: [] })[0]!.text).toBe('10:00 — the link to Apple push turns lossy (37% loss)');
    expect(captionAt(storyCaptions(unguided), 599_999)).toBeNull();
  });

  it('the timeline has one mark per moment: a step with a fault is a fault mark named by the step', () => {
    const markers = storyMarkers(builtin('key-removal-2021'));
    expect(markers).toHaveLength(6);
    expect(markers.filter((m) => m.kind === 'fault').map((m) => m.atMs)).toEqual([30 * 60_000, 155 * 60_000, 895 * 60_000]);
    expect(markers[1]!.text).toBe('19:00 — K1 disappears from the published keys');
    // a fault nobody wrote a step for is named by its sentence
    const checkout = storyMarkers(builtin('checkout'));
    expect(checkout.map((m) => [m.atMs, m.kind])).toEqual([[0, 'step'], [60_000, 'fault'], [65_000, 'step'], [90_000, 'fault']]);
  });

  it.each(builtinScenarios.map((b) => [b.id]))('%s has a caption for every step and fault, none empty', (id) => {
    const spec = builtin(id);
    const captions = storyCaptions(spec);
    expect(captions.length).toBeGreaterThanOrEqual(spec.guide.length > 0 ? spec.guide.length : spec.faults.length);
    for (const caption of captions) expect(caption.text.trim().length).toBeGreaterThan(0);
  });
});
