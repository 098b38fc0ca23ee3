// Which charts come first (src/ui/charts/chart-specs.ts): the focused kinds' own charts, each line
// its own colour slot and marker, no second metric of an entity looking like the first.
import { describe, expect, it } from 'vitest';
import type { EntitySeries, SeriesSlice } from '../../workers/protocol.ts';
import { CHART_KINDS, chartOrder, chartsFor, entityKind } from '../../src/ui/charts/chart-specs.ts';

const column = (...values: number[]) => Float64Array.from(values);
const SERVER = { arrived: column(1), completed: column(1), dropped: column(0), queueDepth: column(2), inService: column(1), latencyP50Ms: column(5), latencyP99Ms: column(9), authRejected: column(0), rejectingShare: column(0) };
const validator = (id: string): EntitySeries => ({ id, group: 'nodes', metrics: { ...SERVER, authAccepted: column(3), trustedKeys: column(2), keysetFetches: column(0), rejectingShare: column(0.25) } });
const service = (id: string): EntitySeries => ({ id, group: 'nodes', metrics: { ...SERVER } });
const link = (id: string): EntitySeries => ({ id, group: 'links', metrics: { sent: column(1), delivered: column(1), dropped: column(0), bufferDepth: column(0), utilization: column(0.5), backDelivered: column(1), backDropped: column(0) } });
const client = (id: string): EntitySeries => ({ id, group: 'clients', metrics: { generated: column(1), succeeded: column(1), goodput: column(1), failed: column(0), attempts: column(1), inFlight: column(1), latencyP50Ms: column(5), latencyP99Ms: column(9) } });
const slice = (...entities: EntitySeries[]): SeriesSlice => ({ runId: 1, revision: 1, intervalMs: 1000, t: column(1000), entities, system: {} });
const ids = (s: SeriesSlice, primary?: string[]) => chartsFor(s, primary).map((c) => c.id);

describe('chart order by kind', () => {
  it("puts a highlighted validator's tokens and rejecting share first, not its queue", () => {
    expect(ids(slice(validator('teams-like'))).slice(0, 2)).toEqual(['auth', 'rejecting']);
    // the key-removal guide's step at 35 min: the key set, its fetch link and a validator
    expect(ids(slice(service('jwks'), link('jwks-fetch-teams-like'), validator('teams-like')))).toEqual(['auth', 'rejecting', 'throughput', 'drops', 'utilisation', 'queue', 'latency']);
  });

  it("puts a link's throughput, drops and utilisation first, and a service's queue and latency", () => {
    expect(ids(slice(link('route-to-apns')))).toEqual(['throughput', 'drops', 'utilisation', 'queue']);
    expect(ids(slice(service('mfa-service')))).toEqual(['queue', 'latency', 'throughput', 'drops']);
    expect(ids(slice(client('users'))).slice(0, 2)).toEqual(['goodput', 'drops']);
  });

  it("puts the selection's kinds before the highlights'", () => {
    const s = slice(service('api'), validator('teams-like'));
    expect(ids(s, ['api']).slice(0, 4)).toEqual(['queue', 'latency', 'auth', 'rejecting']);
    expect(ids(s, ['teams-like']).slice(0, 4)).toEqual(['auth', 'rejecting', 'queue', 'latency']);
  });

  it('lists every chart once, whatever is in focus', () => {
    const all = CHART_KINDS.map((k) => k.id).sort();
    for (const tiers of [[], [['validator']], [['link', 'client'], ['service']], [['cache'], ['validator', 'link']]] as const) {
      const order = chartOrder(tiers as never);
      expect([...order].sort()).toEqual(all);
    }
  });

  it('tells the kinds apart from the series an entity has', () => {
    expect([validator('v'), service('s'), link('l'), client('c')].map(entityKind)).toEqual(['validator', 'service', 'link', 'client']);
    expect(entityKind({ group: 'nodes', metrics: { ...SERVER, hits: column(1), misses: column(0) } })).toBe('cache');
  });
});

describe('chart lines', () => {
  it('gives every line of a chart its own colour slot and marker; a second metric is dashed', () => {
    const charts = chartsFor(slice(validator('a'), validator('b'), validator('c'), validator('d')));
    const tokens = charts.find((c) => c.id === 'auth')!;
    expect(tokens.lines.map((l) => l.label)).toEqual(['a accepted', 'a rejected', 'b accepted', 'b rejected', 'c accepted', 'c rejected', 'd accepted', 'd rejected']);
    const looks = tokens.lines.map((l) => `${l.colourSlot}|${l.marker}`);
    expect(new Set(looks).size).toBe(8);
    expect(tokens.lines.filter((l, i) => i % 2 === 0).every((l) => l.dash.length === 0)).toBe(true);
    expect(tokens.lines.filter((l, i) => i % 2 === 1).every((l) => l.dash.length > 0)).toBe(true);
    // the first two lines ("done"/"dropped"-like pairs) never share a colour or a marker
    expect(tokens.lines[0].colourSlot).not.toBe(tokens.lines[1].colourSlot);
    expect(tokens.lines[0].marker).not.toBe(tokens.lines[1].marker);
  });

  it('draws shares in percent', () => {
    const rejecting = chartsFor(slice(validator('a'))).find((c) => c.id === 'rejecting')!;
    expect(rejecting.percent).toBe(true);
    expect(Array.from(rejecting.lines[0].values)).toEqual([25]);
    const utilisation = chartsFor(slice(link('l'))).find((c) => c.id === 'utilisation')!;
    expect(Array.from(utilisation.lines[0].values)).toEqual([50]);
  });

  it("tells the system's goodput from its failures by colour, marker and dash", () => {
    const system = chartsFor({ ...slice(), system: { goodput: column(1), failed: column(0), generated: column(1), attempts: column(1) } });
    const [goodput, failed] = system[0].lines;
    expect([goodput.label, failed.label]).toEqual(['goodput', 'failed']);
    expect(goodput.colourSlot).not.toBe(failed.colourSlot);
    expect(goodput.marker).not.toBe(failed.marker);
    expect(failed.dash.length).toBeGreaterThan(0);
  });
});
