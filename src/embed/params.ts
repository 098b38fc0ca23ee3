/**
 * The embed's URL parameters (`?embed&autoplay=…&controls=…`), read from an untrusted query
 * string. Which scenario to show is not read here: `?scenario=` and `#s=` belong to
 * src/share/start-document.ts, shared with the editor.
 *
 * Policy (docs/embedding.md): a bad presentation parameter (autoplay, controls, speed, caption,
 * theme, motion) falls back to its default with a visible warning — the reader still gets a working
 * demo. A bad `origin` or an over-long query is a problem: the embed shows it and does not
 * start, because guessing at the security boundary would be wrong either way.
 */
import { describeParamValue, readAllowedOrigin } from './origin.ts';

export type AutoplayMode = 'visible' | 'on' | 'off';
export type ControlsMode = 'full' | 'minimal' | 'none';
/** 'story' (the default): the scenario's own pacing (src/story); the numbers are steady rates. */
export type EmbedSpeed = 'story' | 1 | 10 | 100 | 'max';
export type CaptionMode = 'on' | 'off';
export type ThemeChoice = 'auto' | 'light' | 'dark';
export type MotionChoice = 'auto' | 'reduce';

export interface EmbedParams {
  autoplay: AutoplayMode;
  controls: ControlsMode;
  speed: EmbedSpeed;
  /** The caption line and its timeline of steps and faults. */
  caption: CaptionMode;
  theme: ThemeChoice;
  motion: MotionChoice;
  /** The one parent origin allowed to send commands; null = inbound commands are ignored. */
  allowedOrigin: string | null;
}

export type EmbedParamsResult = { ok: true; params: EmbedParams; warnings: string[] } | { ok: false; problems: string[] };

export const EMBED_DEFAULTS: Readonly<EmbedParams> = {
  autoplay: 'visible',
  controls: 'minimal',
  speed: 'story',
  caption: 'on',
  theme: 'auto',
  motion: 'auto',
  allowedOrigin: null,
};

/** Far above any honest embed URL (the scenario itself travels in the hash, not the query). */
export const MAX_QUERY_CHARS = 2048;

/** Each presentation parameter's allowed values, as written in the URL. */
const CHOICES = {
  autoplay: { visible: 'visible', on: 'on', off: 'off' },
  controls: { full: 'full', minimal: 'minimal', none: 'none' },
  speed: { story: 'story', '1': 1, '10': 10, '100': 100, max: 'max' },
  caption: { on: 'on', off: 'off' },
  theme: { auto: 'auto', light: 'light', dark: 'dark' },
  motion: { auto: 'auto', reduce: 'reduce' },
} as const satisfies { [K in keyof Omit<EmbedParams, 'allowedOrigin'>]: Record<string, EmbedParams[K]> };

type ChoiceName = keyof typeof CHOICES;
const CHOICE_NAMES = Object.keys(CHOICES) as ChoiceName[];

/** The presentation parameters as a person picks them: each one's value as written in the URL. */
export type EmbedChoices = { [K in ChoiceName]: keyof (typeof CHOICES)[K] };

/** Each parameter's values as written in the URL, in the order a chooser offers them. */
export const EMBED_CHOICE_VALUES = Object.fromEntries(CHOICE_NAMES.map((name) => [name, Object.keys(CHOICES[name])])) as unknown as {
  readonly [K in ChoiceName]: readonly EmbedChoices[K][];
};

const textOf = <K extends ChoiceName>(name: K, value: EmbedParams[K]) =>
  (Object.keys(CHOICES[name]) as EmbedChoices[K][]).find((text) => (CHOICES[name] as Record<string, unknown>)[text as string] === value) as EmbedChoices[K];

/** EMBED_DEFAULTS as URL text (`speed: "story"`), for the snippet writer. */
export const EMBED_DEFAULT_CHOICES = Object.fromEntries(CHOICE_NAMES.map((name) => [name, textOf(name, EMBED_DEFAULTS[name])])) as EmbedChoices;

/**
 * The inverse of readEmbedParams for the presentation parameters and the origin: `name=value`
 * pairs, URL-encoded, a default left out to keep the URL short (src/share/embed-snippet.ts).
 * `origin` must already have passed readAllowedOrigin.
 */
export function writeEmbedParams(choices: EmbedChoices, origin?: string): string[] {
  const pairs: string[] = [];
  for (const name of CHOICE_NAMES) {
    if (choices[name] !== EMBED_DEFAULT_CHOICES[name]) pairs.push(`${name}=${encodeURIComponent(choices[name])}`);
  }
  if (origin) pairs.push(`origin=${encodeURIComponent(origin)}`);
  return pairs;
}

/** A flag without a value (`&autoplay`) means what a person writing it means. */
const BARE_FLAG: Partial<Record<ChoiceName, string>> = { autoplay: 'on', motion: 'reduce', caption: 'on' };

function allowedList(name: ChoiceName): string {
  return Object.keys(CHOICES[name]).join(', ');
}

export function readEmbedParams(search: string): EmbedParamsResult {
  if (search.length > MAX_QUERY_CHARS) {
    return { ok: false, problems: [`the embed URL's query is ${search.length} characters long; at most ${MAX_QUERY_CHARS} are read`] };
  }
  // URLSearchParams never throws: a bad %-escape is kept as text.
  const query = new URLSearchParams(search);
  const params: EmbedParams = { ...EMBED_DEFAULTS };
  const warnings: string[] = [];
  const problems: string[] = [];

  for (const name of CHOICE_NAMES) {
    const values = query.getAll(name);
    if (values.length === 0) continue;
    const fallback = `using the default, ${EMBED_DEFAULTS[name]}`;
    if (values.length > 1 && new Set(values).size > 1) {
      warnings.push(`"${name}" is given ${values.length} times with different values; give it once (${fallback})`);
      continue;
    }
    const raw = values[0]!.trim().toLowerCase();
    const value = raw === '' ? BARE_FLAG[name] : raw;
    const choices: Record<string, EmbedParams[ChoiceName]> = CHOICES[name];
    if (value !== undefined && Object.hasOwn(choices, value)) Object.assign(params, { [name]: choices[value] });
    else warnings.push(`"${name}" cannot be ${describeParamValue(values[0]!)}; it is one of ${allowedList(name)} (${fallback})`);
  }

  const origins = query.getAll('origin');
  if (origins.length > 1 && new Set(origins).size > 1) problems.push(`"origin" is given ${origins.length} times with different values; give the one parent origin once`);
  else if (origins.length > 0) {
    const origin = readAllowedOrigin(origins[0]!);
    if (origin.ok) params.allowedOrigin = origin.origin;
    else problems.push(`"origin" ${origin.problem}`);
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, params, warnings };
}

/** `?embed` (with or without a value) switches the page to embed mode, even with a bad query. */
export function isEmbedMode(search: string): boolean {
  return new URLSearchParams(search).has('embed');
}
