/**
 * The page's entry: the mode is read from the URL before any of the app loads, and each mode is
 * its own dynamic import — the embed (`?embed`, src/ui/embed) never fetches the editor, the
 * editor never fetches the embed. Keep this file free of static imports beyond the mode test
 * and the theme's colours: whatever it imports, every mode pays for first (docs/performance.md).
 */
import { isEmbedMode } from '../embed/index.ts';
import './theme.css';

const root = document.getElementById('root')!;
const mode = isEmbedMode(window.location.search) ? import('./embed/start-embed.ts').then((embed) => embed.startEmbed(root)) : import('./start-editor.tsx').then((editor) => editor.startEditor(root));
// A chunk that fails to load (a redeploy mid-visit, offline) says so instead of a blank page.
mode.catch((error: unknown) => {
  root.textContent = `Faultline could not load: ${error instanceof Error ? error.message : String(error)}`;
});
