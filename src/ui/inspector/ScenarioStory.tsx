/**
 * The scenario's description as a reader sees it — rendered markdown, with "Start the guided
 * story" when the scenario has a guide — and the raw text one click away. marked and DOMPurify
 * load on first render (React.lazy), so the editor's initial JavaScript does not grow.
 */
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useGraphStore } from '../../store/graph-store.ts';
import { guideActions, useGuideStore } from '../guide/guide-store.ts';

const Markdown = lazy(() => import('../markdown/Markdown.tsx').then((m) => ({ default: m.Markdown })));

export function ScenarioStory({ editor }: { editor: ReactNode }) {
  const description = useGraphStore((s) => (typeof s.document.description === 'string' ? s.document.description : ''));
  const hasGuide = useGraphStore((s) => Array.isArray(s.document.guide) && s.document.guide.length > 0);
  const guideOpen = useGuideStore((s) => s.open);
  const [editing, setEditing] = useState(false);
  const showEditor = editing || description.trim() === '';
  return (
    <div className="fl-scenario-story">
      {!showEditor && (
        <Suspense fallback={<p className="fl-scenario-story__text">{description}</p>}>
          <Markdown text={description} className="fl-scenario-story__text" />
        </Suspense>
      )}
      <div className="fl-actions">
        {hasGuide && !guideOpen && (
          <button type="button" className="fl-button fl-button--primary" onClick={guideActions.show}>Start the guided story</button>
        )}
        {description.trim() !== '' && (
          <button type="button" className="fl-button" aria-expanded={showEditor} onClick={() => setEditing(!editing)}>
            {editing ? 'Done editing' : 'Edit description'}
          </button>
        )}
      </div>
      {showEditor && editor}
    </div>
  );
}
