/**
 * Where a page's main thread spends its time, from a Chromium trace (`bench-canvas.ts --trace`):
 * self time per event name (a task's time minus the events nested in it), script time per function
 * called, and the tasks over 50 ms. Used to write docs/performance.md's "Canvas at 1,000 nodes:
 * where a frame goes"; a reading aid, not a test.
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number } };
}

export interface TraceBreakdown {
  /** The traced window, ms. */
  windowMs: number;
  /** Self time per event name on the renderer's main thread, ms, largest first. */
  selfMs: [string, number][];
  /** Inclusive time of the top-level functions the page's script entered, ms, largest first. */
  scriptMs: [string, number][];
  /** Busy time per thread (name → ms of top-level events). */
  threadsMs: [string, number][];
  /** Top-level tasks over 50 ms: duration and the four largest self times inside (name and ms). */
  longTasks: { durationMs: number; inside: string }[];
}

interface Span {
  name: string;
  start: number;
  end: number;
  event: TraceEvent;
}

/** Complete ('X') and begin/end ('B'/'E') events of one thread as spans, in start order. */
function spans(events: TraceEvent[]): Span[] {
  const out: Span[] = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.ph === 'X' && e.dur !== undefined) out.push({ name: e.name, start: e.ts, end: e.ts + e.dur, event: e });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const begin = open.pop();
      if (begin) out.push({ name: begin.name, start: begin.ts, end: e.ts, event: begin });
    }
  }
  // Longer first at equal starts, so a parent precedes its children.
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

const largestFirst = (map: Map<string, number>): [string, number][] => [...map].map(([k, v]): [string, number] => [k, v / 1000]).sort((a, b) => b[1] - a[1]);

export function traceBreakdown(traceEvents: TraceEvent[]): TraceBreakdown {
  const threadNames = new Map<string, string>();
  for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of traceEvents) {
    if (e.ph !== 'X' && e.ph !== 'B' && e.ph !== 'E') continue;
    const key = `${e.pid}:${e.tid}`;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const threadsMs = new Map<string, number>();
  let main: { key: string; busy: number } | null = null;
  let first = Infinity;
  let last = -Infinity;
  for (const [key, list] of byThread) {
    let busy = 0;
    let reach = -Infinity;
    for (const s of spans(list)) {
      first = Math.min(first, s.start);
      last = Math.max(last, s.end);
      if (s.start >= reach) {
        busy += s.end - s.start;
        reach = s.end;
      }
    }
    const name = threadNames.get(key) ?? key;
    threadsMs.set(`${name} (${key})`, busy);
    if (name === 'CrRendererMain' && (!main || busy > main.busy)) main = { key, busy };
  }
  const selfMs = new Map<string, number>();
  const scriptMs = new Map<string, number>();
  const longTasks: TraceBreakdown['longTasks'] = [];
  if (main) {
    const stack: { span: Span; childUs: number }[] = [];
    let task: { span: Span; inside: Map<string, number> } | null = null;
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1].span.end <= until) {
        const { span, childUs } = stack.pop()!;
        const selfUs = Math.max(0, span.end - span.start - childUs);
        selfMs.set(span.name, (selfMs.get(span.name) ?? 0) + selfUs);
        if (task) task.inside.set(span.name, (task.inside.get(span.name) ?? 0) + selfUs);
        if (stack.length) stack[stack.length - 1].childUs += span.end - span.start;
        else if (task && task.span === span && span.end - span.start > 50_000) {
          const inside = [...task.inside].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ');
          longTasks.push({ durationMs: (span.end - span.start) / 1000, inside });
        }
      }
    };
    for (const span of spans(byThread.get(main.key)!)) {
      close(span.start);
      if (!stack.length) task = { span, inside: new Map() };
      if (span.name === 'FunctionCall' && !stack.some((s) => s.span.name === 'FunctionCall')) {
        const data = span.event.args?.data;
        const where = `${data?.functionName || '(anonymous)'} ${(data?.url ?? '').split('/').pop()}:${data?.lineNumber ?? ''}`;
        scriptMs.set(where, (scriptMs.get(where) ?? 0) + span.end - span.start);
      }
      stack.push({ span, childUs: 0 });
    }
    close(Infinity);
  }
  return { windowMs: (last - first) / 1000, selfMs: largestFirst(selfMs), scriptMs: largestFirst(scriptMs), threadsMs: largestFirst(threadsMs), longTasks };
}
