/** Present mode's caption: the embed's caption line, large, over the canvas. */
import { usePresenterStore } from '../guide/presenter-store.ts';
import { StoryCaption } from './StoryCaption.tsx';

export function PresentCaption() {
  const presenting = usePresenterStore((s) => s.presenting);
  return presenting ? <StoryCaption variant="present" /> : null;
}
