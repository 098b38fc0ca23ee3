/**
 * The canvas's live painter (DESIGN.md §5): node and edge components register their DOM once;
 * once per frame, when the live snapshot has changed, the painter reads the numbers and writes
 * styles, attributes and text straight to those elements. Live numbers never pass through React
 * Flow's node data or React state, so a stream at 30 Hz re-renders nothing.
 *
 * Framework-free: a factory over a live source and a frame source, testable with fakes.
 */
import { DomWriter } from './dom-writer.ts';
import { indexLayout, RecordView, seekLink, seekNode, type LinkField, type LiveIndex, type NodeField } from './live-reader.ts';
import type { FrameSource, LiveSource } from './live-source.ts';
import { LINK_READOUTS, OVERVIEW_LINK_READOUTS } from './link-readouts.ts';
import { NODE_READOUTS, OVERVIEW_NODE_READOUTS } from './node-readouts.ts';

interface Registration {
  id: string;
  writer: DomWriter;
  /** The readout painter for each element, by element index. */
  paints: ((writer: DomWriter, index: number, record: never) => void)[];
  /** Whether each element is still painted in the overview (zoomed-out) detail level. */
  inOverview: boolean[];
  isLink: boolean;
}

/**
 * 'full': every readout. 'overview': the canvas is zoomed out so far that text cannot be read;
 * only colours, bars and flow widths are painted. Text is most of the browser's work per update
 * (a 300-node graph at fit-to-view: ~8 fps with text, ~45 without, on the benchmark machine).
 */
export type PaintDetail = 'full' | 'overview';

/**
 * 'dom': live numbers are written into the registered elements. 'overlay': a big graph's live
 * state is drawn on one canvas overlay (../overlay/), so the node DOM must not change while it
 * runs: every element is painted idle once and then left alone.
 */
export type PaintTarget = 'dom' | 'overlay';

export interface LivePainter {
  /** Paints `root` and its `[data-live]` descendants for node `id` until the returned function is called. */
  registerNode(id: string, root: Element): () => void;
  registerLink(id: string, root: Element): () => void;
  /** Paints if anything changed and a paint is due (the frame callback; tests call it directly, without a time: always due). */
  paint(nowMs?: number): void;
  /** Entities painted by the last call to paint. */
  readonly lastPaintedCount: number;
  /** Switching back to 'full' repaints every readout at the next frame. */
  setDetail(detail: PaintDetail): void;
  setTarget(target: PaintTarget): void;
  destroy(): void;
}

function readoutElements(root: Element): Element[] {
  const found = root.hasAttribute('data-live') ? [root] : [];
  root.querySelectorAll('[data-live]').forEach((el) => found.push(el));
  return found;
}

function register(root: Element, id: string, table: Record<string, unknown>, overview: ReadonlySet<string>, isLink: boolean): Registration {
  const elements = readoutElements(root).filter((el) => Object.hasOwn(table, el.getAttribute('data-live')!));
  return {
    id,
    writer: new DomWriter(elements),
    paints: elements.map((el) => table[el.getAttribute('data-live')!] as Registration['paints'][number]),
    inOverview: elements.map((el) => overview.has(el.getAttribute('data-live')!)),
    isLink,
  };
}

/**
 * How often a graph of `entities` nodes and links is repainted at most. Small graphs follow the
 * stream (~30 Hz). Big ones are repainted less often, all at once: in Chromium a frame that
 * repaints anything inside the canvas re-layerizes the whole canvas, a cost that grows with the
 * graph and not with what changed — so fewer, complete paints beat the same writes spread over
 * many frames (measured: scripts/bench-canvas.ts). Rates change once per sample interval anyway.
 */
export function paintIntervalMs(entities: number): number {
  return entities <= 200 ? 0 : Math.min(500, entities * 0.2);
}

export interface PainterOptions {
  /** Entities painted per frame at most (default: all); the rest go in the next frames. */
  budgetPerFrame?: number;
  intervalMs?: (entities: number) => number;
}

export function createLivePainter(source: LiveSource, frames: FrameSource | null, options: PainterOptions = {}): LivePainter {
  const budgetPerFrame = options.budgetPerFrame ?? Infinity;
  const intervalMs = options.intervalMs ?? paintIntervalMs;
  let passStartedMs = -Infinity;
  /** Every registration, nodes and links, in registration order. */
  const registered = new Set<Registration>();
  /** Registrations that have never been painted: painted at the next frame, outside the budget. */
  const fresh = new Set<Registration>();
  /** The pass in progress: what is left to paint of the version it started for. */
  let pass: Registration[] = [];
  let cursor = 0;
  let passVersion = source.get().version; // registrations start fresh: nothing to pass over yet
  let index: LiveIndex | null = null;
  let indexedLayout: unknown = null;
  const nodeView = new RecordView<NodeField>();
  const linkView = new RecordView<LinkField>();
  let lastPaintedCount = 0;
  let detail: PaintDetail = 'full';
  let target: PaintTarget = 'dom';

  function paintOne(r: Registration, values: Float64Array | null): void {
    const record = index && values ? (r.isLink ? (seekLink(linkView, index, values, r.id) ? linkView : null) : seekNode(nodeView, index, values, r.id) ? nodeView : null) : null;
    const all = detail === 'full';
    for (let i = 0; i < r.paints.length; i++) if (all || r.inOverview[i]) r.paints[i](r.writer, i, record as never);
  }

  function paint(nowMs = Infinity): void {
    const snapshot = source.get();
    const passDone = cursor >= pass.length;
    const due = nowMs === Infinity || nowMs - passStartedMs >= intervalMs(registered.size);
    if (passDone && (snapshot.version === passVersion || !due || target === 'overlay') && fresh.size === 0) {
      lastPaintedCount = 0;
      return;
    }
    if (snapshot.layout !== indexedLayout) {
      indexedLayout = snapshot.layout;
      index = snapshot.layout ? indexLayout(snapshot.layout) : null;
    }
    // A new pass starts only when the last one is done: under a fast stream every entity still
    // gets its turn, always with the newest numbers.
    if (passDone && snapshot.version !== passVersion && due && target === 'dom') {
      pass = [...registered];
      cursor = 0;
      passVersion = snapshot.version;
      passStartedMs = nowMs;
    }
    let count = 0;
    const freshValues = target === 'dom' ? snapshot.values : null; // overlay: idle, never again
    for (const r of fresh) {
      paintOne(r, freshValues);
      count++;
    }
    fresh.clear();
    const end = Math.min(pass.length, cursor + budgetPerFrame);
    for (; cursor < end; cursor++) {
      const r = pass[cursor];
      if (!registered.has(r)) continue; // unmounted since the pass began
      paintOne(r, snapshot.values);
      count++;
    }
    lastPaintedCount = count;
  }

  const stopFrames = frames?.onFrame(paint) ?? (() => {});

  const add = (registration: Registration) => {
    registered.add(registration);
    fresh.add(registration);
    return () => {
      registered.delete(registration);
      fresh.delete(registration);
    };
  };

  return {
    registerNode: (id, root) => add(register(root, id, NODE_READOUTS, OVERVIEW_NODE_READOUTS, false)),
    registerLink: (id, root) => add(register(root, id, LINK_READOUTS, OVERVIEW_LINK_READOUTS, true)),
    setDetail(next) {
      if (next === detail) return;
      detail = next;
      if (next === 'full') passVersion = -1; // text may be stale: a new pass repaints everything
    },
    setTarget(next) {
      if (next === target) return;
      target = next;
      if (next === 'overlay') {
        cursor = pass.length; // drop the pass in progress and paint everything idle, once
        for (const r of registered) fresh.add(r);
      } else passVersion = -1; // the DOM shows idle: a new pass repaints everything
    },
    paint,
    get lastPaintedCount() {
      return lastPaintedCount;
    },
    destroy: stopFrames,
  };
}
