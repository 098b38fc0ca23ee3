// Helpers for the embed tests: a host page on another origin (a tiny node:http server on its own
// port) that iframes the app, records every message it receives and posts commands into it.
import { createServer } from 'node:http';
import type { Frame, Page } from 'playwright-core';

export interface HostServer {
  /** e.g. http://127.0.0.1:40123 — a different origin from the app's (another port). */
  origin: string;
  close(): Promise<void>;
}

export interface HostPageOptions {
  /** The iframe's src. */
  embedSrc: string;
  /** Empty space above the iframe, to put it below the fold. */
  spacerPx?: number;
  frameHeightPx?: number;
}

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The host page: records `{ origin, data }` of every message in `window.__events`. */
export function hostPageHtml({ embedSrc, spacerPx = 0, frameHeightPx = 420 }: HostPageOptions): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Blog post</title>
<script>window.__events = []; addEventListener('message', (e) => window.__events.push({ origin: e.origin, data: e.data }));</script>
</head><body style="margin:0">
<div id="spacer" style="height:${spacerPx}px">A blog post…</div>
<iframe id="embed" src="${escapeAttribute(embedSrc)}" title="Faultline demo" width="600" height="${frameHeightPx}" style="border:0"></iframe>
<div style="height:${spacerPx}px"></div>
</body></html>`;
}

/** Serves one page (whatever `pageHtml` returns for the server's own origin) at every path. */
export async function startHostServer(pageHtml: (origin: string) => string): Promise<HostServer> {
  let origin = '';
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(pageHtml(origin));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the host server did not bind a TCP port');
  origin = `http://127.0.0.1:${address.port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface EmbedEvent {
  origin: string;
  data: { type: string; version: number; status?: string; simulatedMs?: number; message?: string; scenario?: { name: string; durationMs: number } };
}

export const hostEvents = (page: Page): Promise<EmbedEvent[]> => page.evaluate(() => (window as unknown as { __events: EmbedEvent[] }).__events);

/** Waits for a received event of this type (and status), after the first `after` events; returns its index and event. */
export async function waitForEvent(page: Page, type: string, options: { status?: string; after?: number } = {}): Promise<{ index: number; event: EmbedEvent }> {
  const handle = await page.waitForFunction(
    ({ type, status, after }) => {
      const events = (window as unknown as { __events: EmbedEvent[] }).__events;
      const index = events.findIndex((e, i) => i >= after && e.data?.type === type && (status === undefined || e.data.status === status));
      return index >= 0 ? { index, event: events[index] } : null;
    },
    { type, status: options.status, after: options.after ?? 0 },
  );
  return (await handle.jsonValue()) as { index: number; event: EmbedEvent };
}

/** Posts a message into the iframe from the host page (so `event.source` is the embed's parent). */
export function postToEmbed(page: Page, message: unknown, targetOrigin = '*'): Promise<void> {
  return page.evaluate(
    ({ message, targetOrigin }) => (document.getElementById('embed') as HTMLIFrameElement).contentWindow!.postMessage(message, targetOrigin),
    { message, targetOrigin },
  );
}

/** The embed's frame (cross-origin frames are reachable through the driver). */
export async function embedFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('#embed');
  const frame = await element.contentFrame();
  if (frame === null) throw new Error('the iframe has no frame');
  return frame;
}

export interface EmbedRun {
  status: string;
  simulatedMs: number;
}

/** The embed's run, read through the app's debug handle (src/store/run-store.ts). */
export function embedRun(frame: Frame): Promise<EmbedRun> {
  return frame.evaluate(() => {
    const { useRunStore } = (window as unknown as { __faultline: { useRunStore: { getState(): EmbedRun } } }).__faultline;
    const { status, simulatedMs } = useRunStore.getState();
    return { status, simulatedMs };
  });
}

/** Waits until the embed's run has loaded (paused or further). */
export async function waitForEmbedLoaded(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => {
    const handle = (window as unknown as { __faultline?: { useRunStore: { getState(): { status: string } } } }).__faultline;
    return handle !== undefined && ['paused', 'running', 'finished'].includes(handle.useRunStore.getState().status);
  });
}
