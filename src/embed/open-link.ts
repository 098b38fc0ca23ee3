/**
 * The embed's "Open in Faultline" link: the same app (same base URL, so any sub-path is kept)
 * in editor mode, on the same scenario — `?scenario=<id>` for a built-in, the `#s=` share hash
 * for any other graph. The embed's own parameters are dropped.
 */

export type EditorSource = { builtinId: string } | { shareHash: string };

export function editorUrl(embedHref: string, source: EditorSource): string {
  const url = new URL(embedHref);
  const base = url.origin + url.pathname;
  if ('builtinId' in source) return `${base}?scenario=${encodeURIComponent(source.builtinId)}`;
  return base + source.shareHash;
}
