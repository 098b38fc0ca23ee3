/**
 * Feeds the session whether the embed can be seen: ≥ 50 % inside the top-level viewport
 * (IntersectionObserver measures against it even from inside a cross-origin iframe) and the
 * tab in the foreground. autoplay=visible plays and pauses on these (src/embed/playback.ts).
 */
import { useEffect, type RefObject } from 'react';
import { embedActions } from './embed-session.ts';

export const ON_SCREEN_SHARE = 0.5;

export function useOnScreen(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    const onVisibility = () => embedActions.setVisibility({ pageVisible: document.visibilityState === 'visible' });
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    if (element === null || typeof IntersectionObserver !== 'function') {
      embedActions.setVisibility({ onScreen: true }); // cannot tell: behave as if seen
      return () => document.removeEventListener('visibilitychange', onVisibility);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry) embedActions.setVisibility({ onScreen: entry.isIntersecting && entry.intersectionRatio >= ON_SCREEN_SHARE - 0.01 });
      },
      { threshold: [0, ON_SCREEN_SHARE] },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [root]);
}
