/**
 * Theme and motion for the embed, from its parameters. Unlike the editor (src/ui/layout/
 * theme.ts) it neither reads nor saves a remembered choice: the page that embeds it decides,
 * else the reader's system does. Both land as attributes on <html>: `data-theme` (theme.css)
 * and `data-motion="reduce"` (embed.css stops the flow dashes and transitions).
 */
import type { MotionChoice, ThemeChoice } from '../../embed/index.ts';

function follow(query: string, apply: (matches: boolean) => void): void {
  const media = typeof matchMedia === 'function' ? matchMedia(query) : null;
  apply(media?.matches ?? false);
  media?.addEventListener?.('change', (event) => apply(event.matches));
}

export function applyEmbedAppearance(theme: ThemeChoice, motion: MotionChoice): void {
  const root = document.documentElement;
  if (theme === 'auto') follow('(prefers-color-scheme: dark)', (dark) => (root.dataset.theme = dark ? 'dark' : 'light'));
  else root.dataset.theme = theme;
  if (motion === 'reduce') root.dataset.motion = 'reduce';
  else follow('(prefers-reduced-motion: reduce)', (reduce) => (reduce ? (root.dataset.motion = 'reduce') : delete root.dataset.motion));
}
