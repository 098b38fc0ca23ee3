/** The View menu: fit the graph in view, the dark theme, presenter mode, and the guide (when the scenario has steps). */
import { useGraphStore } from '../../store/graph-store.ts';
import { canvasView } from '../canvas/canvas-view.ts';
import { toggleMinimap, useMinimapStore } from '../canvas/minimap-store.ts';
import { guideActions, useGuideStore } from '../guide/guide-store.ts';
import { presenterActions, usePresenterStore } from '../guide/presenter-store.ts';
import { MenuButton } from './MenuButton.tsx';
import { setTheme, useThemeStore } from './theme.ts';

/** Presenting a scenario that has a guide shows the guide: it is what the room reads. */
function enterOrLeavePresenting(presenting: boolean, hasSteps: boolean): void {
  presenterActions.toggle();
  if (!presenting && hasSteps) guideActions.show();
}

export function ViewMenu() {
  const hasSteps = useGraphStore((s) => Array.isArray(s.document.guide) && s.document.guide.length > 0);
  const guideOpen = useGuideStore((s) => s.open);
  const presenting = usePresenterStore((s) => s.presenting);
  const theme = useThemeStore((s) => s.theme);
  const minimap = useMinimapStore((s) => s.shown);
  return (
    <MenuButton
      label="View"
      items={[
        { label: 'Fit view', onSelect: canvasView.fitView, title: 'Every node in view' },
        { label: 'Minimap', checked: minimap && !presenting, disabled: presenting, onSelect: toggleMinimap, title: presenting ? 'Not in presenter mode' : 'The small overview in the corner' },
        { label: 'Dark theme', checked: theme === 'dark', onSelect: () => setTheme(theme === 'dark' ? 'light' : 'dark') },
        { label: 'Present', checked: presenting, onSelect: () => enterOrLeavePresenting(presenting, hasSteps), title: 'Large type for a room; Escape leaves' },
        ...(hasSteps ? [{ label: 'Guide', checked: guideOpen, onSelect: guideOpen ? guideActions.close : guideActions.show }] : []),
      ]}
    />
  );
}
