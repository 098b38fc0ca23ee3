/** Toolbar: show the guide (when the scenario has steps) and enter presenter mode. */
import { useGraphStore } from '../../store/graph-store.ts';
import { guideActions, useGuideStore } from './guide-store.ts';
import { presenterActions, usePresenterStore } from './presenter-store.ts';

/** Presenting a scenario that has a guide shows the guide: it is what the room reads. */
function enterOrLeave(presenting: boolean, hasSteps: boolean): void {
  presenterActions.toggle();
  if (!presenting && hasSteps) guideActions.show();
}

export function GuideButtons() {
  const hasSteps = useGraphStore((s) => Array.isArray(s.document.guide) && s.document.guide.length > 0);
  const open = useGuideStore((s) => s.open);
  const presenting = usePresenterStore((s) => s.presenting);
  return (
    <div className="fl-toolbar__group fl-toolbar__guide" role="group" aria-label="Guide">
      {hasSteps && (
        <button type="button" className="fl-button" aria-pressed={open} onClick={open ? guideActions.close : guideActions.show}>
          Guide
        </button>
      )}
      <button type="button" className="fl-button" aria-pressed={presenting} onClick={() => enterOrLeave(presenting, hasSteps)}>
        Present
      </button>
    </div>
  );
}
