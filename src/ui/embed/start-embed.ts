/**
 * Embed mode's startup (`?embed`), loaded by src/ui/main.tsx. Two stages, so a reader sees the
 * graph before the heavy parts arrive (docs/embedding.md, "First frame"):
 * 1. here, light (no React, no React Flow, no zod): parameters, theme and motion, the scenario
 *    from the link, and its still picture (still-picture.ts);
 * 2. start-live-embed.tsx — React, the canvas, the stores and the simulation worker — fetched at
 *    once, in parallel with stage 1, and handed what stage 1 read.
 * Unlike the editor it restores no autosave and starts none: the reader's own graph in this
 * browser is never read or overwritten by an embed.
 */
import { readEmbedParams } from '../../embed/index.ts';
import { findBuiltin } from '../../scenarios/index.ts';
import { resolveStartDocument, type StartDocument } from '../../share/start-document.ts';
import { applyEmbedAppearance } from './embed-appearance.ts';
import { showStillPicture, type LiveChrome, type StillPicture } from './still-picture.ts';
import '../app.css';
import './embed.css';

/** Without `?scenario=` or `#s=`: the editor's own default, small enough for a phone. */
export const DEFAULT_EMBED_SCENARIO = 'checkout';

async function readStart(): Promise<StartDocument> {
  return resolveStartDocument(new URL(location.href)).catch((error: unknown) => ({
    kind: 'error' as const,
    problem: `the scenario in the link cannot be read (${error instanceof Error ? error.message : 'unknown error'})`,
  }));
}

/** The still picture of what the link opens, or null (bad parameters, a bad link: stage 2 says why). */
function drawStill(start: StartDocument, chrome: LiveChrome): StillPicture | null {
  if (start.kind === 'error') return null;
  const builtin = start.kind === 'builtin' ? findBuiltin(start.id) : start.kind === 'none' ? findBuiltin(DEFAULT_EMBED_SCENARIO) : undefined;
  const document = start.kind === 'link' ? start.document : builtin?.scenario;
  const name = (document as { name?: unknown } | undefined)?.name;
  const title = builtin?.title ?? (typeof name === 'string' && name.trim() !== '' ? name.slice(0, 200) : 'Untitled scenario');
  try {
    return showStillPicture(document, title, chrome);
  } catch {
    return null; // a picture is a courtesy: the live embed shows the graph, or the problem, anyway
  }
}

export async function startEmbed(root: HTMLElement): Promise<void> {
  const live = import('./start-live-embed.tsx'); // on its way while the picture is drawn
  const read = readEmbedParams(location.search);
  applyEmbedAppearance(read.ok ? read.params.theme : 'auto', read.ok ? read.params.motion : 'auto');
  const start = await readStart();
  const still = read.ok ? drawStill(start, { caption: read.params.caption === 'on', controls: read.params.controls !== 'none' }) : null;
  try {
    (await live).startLiveEmbed(root, { read, start, still });
  } catch (error) {
    still?.remove();
    throw error; // main.tsx says the embed could not load
  }
}
