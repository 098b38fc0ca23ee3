import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { embedElementScript } from './scripts/build-embed-element.ts';
import { contentSecurityPolicy } from './scripts/build-csp.ts';
import { firstLoadBudget } from './scripts/first-load.ts';

// Open a browser tab only where one can open: a desktop, not a container, SSH session or CI.
const canOpenBrowser =
  !process.env.CI &&
  (process.platform === 'darwin' || process.platform === 'win32' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));

export default defineConfig({
  // firstLoadBudget: the build fails when the embed's (either stage's) or the editor's first JavaScript is over budget, or the embed's live stage bundles zod
  plugins: [react(), contentSecurityPolicy(), embedElementScript(), firstLoadBudget()], // + dist/faultline-embed.js
  base: './', // relative asset URLs: the build works from any sub-path (blog embeds, GitHub Pages)
  worker: { format: 'es' },
  // Scan the worker's imports too (comlink, zod): otherwise the dev server discovers them on the
  // first Run, re-optimises and reloads the page, losing that run.
  optimizeDeps: { entries: ['index.html', 'workers/*.worker.ts'] },
  build: { outDir: 'dist' },
  server: { open: canOpenBrowser },
});
