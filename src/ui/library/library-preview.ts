/**
 * A built-in's preview: its graph laid out as the canvas would lay it out, drawn by the picture
 * module, as a data: URL for an <img> (an image cannot run script, whatever its labels say).
 * Computed once per built-in and kept: the built-ins never change.
 */
import type { BuiltinScenario } from '../../scenarios/index.ts';
import { readEditableDocument } from '../../store/graph/document.ts';
import { layoutDocument } from '../../store/graph/auto-layout.ts';
import { documentToSvg } from '../picture/document-svg.ts';
import type { PictureColours } from '../picture/picture-colours.ts';

const previews = new Map<string, string>();

export function previewSvg(raw: unknown, colours?: PictureColours): string | null {
  const read = readEditableDocument(structuredClone(raw));
  if (!read.ok) return null;
  return documentToSvg(layoutDocument(read.document), { colours, title: '' });
}

/** `key` includes the theme, so a theme switch redraws. */
export function previewUrl(builtin: BuiltinScenario, key: string, colours?: PictureColours): string | null {
  const cacheKey = `${builtin.id}\u0000${key}`;
  let url = previews.get(cacheKey);
  if (url === undefined) {
    const svg = previewSvg(builtin.scenario, colours);
    if (svg === null) return null;
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    previews.set(cacheKey, url);
  }
  return url;
}
