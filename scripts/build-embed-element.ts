/**
 * A Vite plugin that adds `faultline-embed.js` to the built site (and serves it from the dev server): the
 * `<faultline-embed>` custom element (src/embed-element/), bundled on its own as one classic
 * script (IIFE) so a blog can load it with a plain `<script src>` — no module graph, no hashed
 * chunk names, nothing shared with the app's bundles. Its URL is stable: the site's root +
 * EMBED_ELEMENT_FILE. The element finds the app in the folder it was loaded from.
 */
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';
import { EMBED_ELEMENT_SCRIPT as EMBED_ELEMENT_FILE } from '../src/share/embed-snippet.ts';
const root = fileURLToPath(new URL('..', import.meta.url));

/** The element's script, minified. */
export async function bundleEmbedElement(): Promise<string> {
  const result = await build({
    configFile: false, // not the site's config: no React plugin, no CSP meta, no public/
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry: 'src/embed-element/faultline-embed.ts', formats: ['iife'], name: 'FaultlineEmbed', fileName: () => EMBED_ELEMENT_FILE },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`build-embed-element: expected one chunk, got ${chunks.length}`);
  return chunks[0].code;
}

export function embedElementScript(): Plugin {
  return {
    name: 'faultline:embed-element',
    // The dev server (`npm start`) serves it too, bundled on each request, so the example page works there.
    configureServer(server) {
      server.middlewares.use(`/${EMBED_ELEMENT_FILE}`, (_request, response, next) => {
        bundleEmbedElement().then((code) => {
          response.setHeader('content-type', 'text/javascript; charset=utf-8');
          response.end(code);
        }, next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: EMBED_ELEMENT_FILE, source: await bundleEmbedElement() });
    },
  };
}
