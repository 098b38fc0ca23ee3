/**
 * The embed URL and `<iframe>` snippet the Share dialog offers. Pure: the app's own location comes
 * in as a string, so it works from any sub-path. Parameter names are the embed mode's (see
 * docs/embedding.md); a default is left out of the URL to keep it short.
 */

export const EMBED_CHOICES = {
  autoplay: ['visible', 'on', 'off'],
  controls: ['full', 'minimal', 'none'],
  speed: ['story', '1', '10', '100', 'max'],
  caption: ['on', 'off'],
  theme: ['auto', 'light', 'dark'],
  motion: ['auto', 'reduce'],
} as const;

type Choices = typeof EMBED_CHOICES;
export type EmbedChoices = { [K in keyof Choices]: Choices[K][number] };

export const EMBED_DEFAULTS: EmbedChoices = { autoplay: 'visible', controls: 'minimal', speed: 'story', caption: 'on', theme: 'auto', motion: 'auto' };

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
  for (const key of Object.keys(EMBED_DEFAULTS) as (keyof EmbedChoices)[]) {
    if (options[key] !== EMBED_DEFAULTS[key]) params.push(`${key}=${encodeURIComponent(options[key])}`);
  }
  if (options.origin) params.push(`origin=${encodeURIComponent(options.origin)}`);
  const hash = 'shareHash' in source ? source.shareHash : '';
  return `${appBaseUrl(appLocation)}?${params.join('&')}${hash}`;
}

export type OriginResult = { ok: true; origin: string | undefined } | { ok: false; problem: string };

/** An empty field means "no page may drive it"; anything else must be an https origin (a local host may be http, as the embed accepts). */
export function readEmbedOrigin(text: string): OriginResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, origin: undefined };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: `"${trimmed.slice(0, 80)}" is not an origin (expected e.g. https://blog.example.org)` };
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    return { ok: false, problem: `the origin must start with https:// (got ${url.protocol}//)` };
  }
  return { ok: true, origin: url.origin };
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
