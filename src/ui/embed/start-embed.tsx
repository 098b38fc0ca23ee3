/**
 * Embed mode's startup (`?embed`), loaded lazily by src/ui/main.tsx so the editor's first
 * paint does not carry it. Unlike the editor it restores no autosave and starts none: the
 * reader's own graph in this browser is never read or overwritten by an embed.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readEmbedParams } from '../../embed/index.ts';
import { parameterErrorEvents } from '../../embed/index.ts';
import { findBuiltin } from '../../scenarios/index.ts';
import { resolveStartDocument } from '../../share/start-document.ts';
import { AppBoundary } from '../boundary/AppBoundary.tsx';
import { embedActions } from './embed-session.ts';
import { EmbedApp } from './EmbedApp.tsx';
import { applyEmbedAppearance } from './embed-appearance.ts';
import { startParentBridge } from './parent-bridge.ts';
import './embed.css';

/** Without `?scenario=` or `#s=`: the editor's own default, small enough for a phone. */
export const DEFAULT_EMBED_SCENARIO = 'checkout';

export async function startEmbed(root: HTMLElement): Promise<void> {
  const read = readEmbedParams(location.search);
  const params = read.ok ? read.params : null;
  applyEmbedAppearance(params?.theme ?? 'auto', params?.motion ?? 'auto');
  // Events go out even for a problem, so the page around the embed can log why it is blank;
  // commands come in only with a valid origin parameter.
  const bridge = startParentBridge(params?.allowedOrigin ?? null);
  createRoot(root).render(
    <StrictMode>
      <AppBoundary>
        <EmbedApp />
      </AppBoundary>
    </StrictMode>,
  );
  if (!read.ok) return reportProblems(read.problems, bridge.post);
  embedActions.configure(read.params, read.warnings);
  // a parameter that fell back to its default: on screen as a warning line, and told to the page
  for (const event of parameterErrorEvents(read)) bridge.post({ ...event });

  const start = await resolveStartDocument(new URL(location.href)).catch((error: unknown) => ({
    kind: 'error' as const,
    problem: `the scenario in the link cannot be read (${error instanceof Error ? error.message : 'unknown error'})`,
  }));
  if (start.kind === 'error') return reportProblems([start.problem], bridge.post);
  const fallback = findBuiltin(DEFAULT_EMBED_SCENARIO)!;
  const outcome =
    start.kind === 'link'
      ? await embedActions.load(start.document, { shareHash: location.hash })
      : start.kind === 'builtin'
        ? await embedActions.load(start.document, { builtinId: start.id }, findBuiltin(start.id)?.title)
        : await embedActions.load(fallback.scenario, { builtinId: fallback.id }, fallback.title);
  if (!outcome.ok) return reportProblems([outcome.problem], bridge.post);
  bridge.post({ type: 'faultline:ready', scenario: { name: outcome.name, durationMs: outcome.durationMs } });
}

function reportProblems(problems: string[], post: (event: { type: string } & Record<string, unknown>) => void): void {
  embedActions.fail(problems);
  for (const message of problems) post({ type: 'faultline:error', message });
}
