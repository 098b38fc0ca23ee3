/**
 * The embed URL and `<iframe>` snippet the Share dialog offers. Pure: the app's own location comes
 * in as a string, so it works from any sub-path. The parameters, their defaults and the origin
 * rule are the embed's own (src/embed, docs/embedding.md): one module reads them and writes them.
 */
import { EMBED_DEFAULT_CHOICES as EMBED_DEFAULTS, readAllowedOrigin, writeEmbedParams, type EmbedChoices } from '../embed/index.ts';

export { EMBED_CHOICE_VALUES as EMBED_CHOICES, EMBED_DEFAULT_CHOICES as EMBED_DEFAULTS, type EmbedChoices } from '../embed/index.ts';

/** A built-in by its short id, or any graph as a `#s=` share hash. */
export type EmbedSource = { builtinId: string } | { shareHash: string };

export interface EmbedOptions extends EmbedChoices {
  /** An https origin allowed to drive the embed by postMessage, already checked by readEmbedOrigin. */
  origin?: string;
}

/** The app's base URL: its location without query or hash (so a sub-path is kept). */
export function appBaseUrl(location: string): string {
  const url = new URL(location);
  return url.origin + url.pathname;
}

export function embedUrl(appLocation: string, source: EmbedSource, options: EmbedOptions): string {
  const params = ['embed'];
  if ('builtinId' in source) params.push(`scenario=${encodeURIComponent(source.builtinId)}`);
  params.push(...writeEmbedParams(options, options.origin));
  const hash = 'shareHash' in source ? source.shareHash : '';
  return `${appBaseUrl(appLocation)}?${params.join('&')}${hash}`;
}

export type OriginFieldResult = { ok: true; origin: string | undefined } | { ok: false; problem: string };

/** The dialog's origin box: empty means "no page may drive it"; anything else must pass the embed's own rule. */
export function readEmbedOrigin(text: string): OriginFieldResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, origin: undefined };
  const read = readAllowedOrigin(trimmed);
  return read.ok ? read : { ok: false, problem: `the origin ${read.problem}` };
}

/** For a double-quoted HTML attribute: every character that could end it or start markup. */
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITY[c]);
}

export const DEFAULT_EMBED_HEIGHT_PX = 480;

export function embedSnippet(src: string, title: string, heightPx = DEFAULT_EMBED_HEIGHT_PX): string {
  const height = Number.isFinite(heightPx) ? Math.min(2000, Math.max(200, Math.round(heightPx))) : DEFAULT_EMBED_HEIGHT_PX;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(`Faultline: ${title}`)}"` +
    ` width="100%" height="${height}" loading="lazy" style="border: 0; max-width: 100%"></iframe>`
  );
}

/** The `<faultline-embed>` element (src/embed-element/) and its script at the built site's root. */
export const EMBED_ELEMENT_NAME = 'faultline-embed';
export const EMBED_ELEMENT_SCRIPT = 'faultline-embed.js';

/**
 * The same embed as the element: its script from the app's site, then the tag with the choices
 * that differ from the defaults. No `origin`: the element names its own page.
 */
export function elementSnippet(appLocation: string, source: EmbedSource, choices: EmbedChoices, title: string, heightPx = DEFAULT_EMBED_HEIGHT_PX): string {
  const attributes: [string, string][] = 'builtinId' in source ? [['scenario', source.builtinId]] : source.shareHash ? [['share', source.shareHash]] : [];
  for (const key of Object.keys(EMBED_DEFAULTS) as (keyof EmbedChoices)[]) if (choices[key] !== EMBED_DEFAULTS[key]) attributes.push([key, choices[key]]);
  const height = Number.isFinite(heightPx) ? Math.min(2000, Math.max(200, Math.round(heightPx))) : DEFAULT_EMBED_HEIGHT_PX;
  if (height !== DEFAULT_EMBED_HEIGHT_PX) attributes.push(['height', String(height)]);
  attributes.push(['title', title]);
  const tag = attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  return `<script src="${escapeAttribute(new URL(EMBED_ELEMENT_SCRIPT, appBaseUrl(appLocation)).href)}"></script>\n<${EMBED_ELEMENT_NAME}${tag}></${EMBED_ELEMENT_NAME}>`;
}
