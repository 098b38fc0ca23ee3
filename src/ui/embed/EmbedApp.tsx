/**
 * The embed: the scenario's title and "Open in Faultline" on top, the canvas, then one compact
 * row of status, summary and the chosen controls. Fits a 360 px-wide frame (embed.css).
 */
import { useRef } from 'react';
import { editorUrl } from '../../embed/index.ts';
import { PanelBoundary } from '../boundary/PanelBoundary.tsx';
import { SummaryStrip } from '../charts/SummaryStrip.tsx';
import { EmbedCanvas } from './EmbedCanvas.tsx';
import { EmbedControls } from './EmbedControls.tsx';
import { EmbedProblem } from './EmbedProblem.tsx';
import { EmbedStatus } from './EmbedStatus.tsx';
import { embedActions, useEmbedStore } from './embed-session.ts';
import { useOnScreen } from './use-on-screen.ts';
import { StoryCaption } from '../story/StoryCaption.tsx';

function EmbedWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="fl-embed-warnings" aria-label="Embed parameter warnings">
      {warnings.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}

export function EmbedApp() {
  const phase = useEmbedStore((s) => s.phase);
  const problems = useEmbedStore((s) => s.problems);
  const warnings = useEmbedStore((s) => s.warnings);
  const title = useEmbedStore((s) => s.title);
  const source = useEmbedStore((s) => s.source);
  const controls = useEmbedStore((s) => s.params.controls);
  const caption = useEmbedStore((s) => s.params.caption);
  const root = useRef<HTMLDivElement>(null);
  useOnScreen(root);

  const editorHref = source ? editorUrl(location.href, source) : editorUrl(location.href, { shareHash: '' });
  if (phase === 'problem') return <EmbedProblem problems={problems} editorHref={editorHref} />;
  return (
    <div className="fl-embed" ref={root} data-controls={controls}>
      <header className="fl-embed-head">
        <h1 className="fl-embed-title">
          <span className="fl-visually-hidden">Faultline: </span>
          {title || 'Loading…'}
        </h1>
        <a className="fl-embed-open" href={editorHref} target="_blank" rel="noopener noreferrer">
          Open in Faultline
        </a>
      </header>
      <EmbedWarnings warnings={warnings} />
      <main className="fl-embed-canvas" aria-label="Simulation">
        {phase === 'ready' && (
          <PanelBoundary name="The simulation view" id="embed-canvas">
            <EmbedCanvas showZoomButtons={controls !== 'none'} />
          </PanelBoundary>
        )}
      </main>
      {phase === 'ready' && caption === 'on' && <StoryCaption variant="embed" onSeek={(ms) => void embedActions.seek(ms)} />}
      <footer className="fl-embed-foot">
        <PanelBoundary name="The status" id="embed-status" compact>
          <EmbedStatus />
        </PanelBoundary>
        <PanelBoundary name="The summary" id="summary" compact>
          <SummaryStrip />
        </PanelBoundary>
        <PanelBoundary name="The controls" id="embed-controls" compact>
          <EmbedControls mode={controls} />
        </PanelBoundary>
      </footer>
    </div>
  );
}
