/**
 * `<faultline-embed>`: a custom element for blog and docs authors (MDX, Astro, Docusaurus) that
 * wraps the embed's iframe and its postMessage API (docs/embedding.md, "The <faultline-embed>
 * element"). Built on its own into the site as `faultline-embed.js` (scripts/build-embed-element.ts):
 * no framework, no dependency, a few kB.
 *
 * - Attributes are the embed's URL parameters (src/share/embed-snippet.ts builds the URL, as the
 *   Share dialog does) plus `scenario`, `share`, `src`, `height` and `title`. Changing one reloads
 *   the embed with the new URL.
 * - `play()`, `pause()`, `reset()`, `setSpeed(s)`, `inject(fault)`, `load(idOrDocument)` post the
 *   protocol's commands; sent before the embed is ready, they wait for its `faultline:ready`.
 * - The embed's events (`faultline:ready`, `status`, `time`, `error`) are dispatched on the element
 *   as CustomEvents of the same name, the message in `detail`; the element's own problems (no app
 *   URL, a page origin that cannot drive the embed) come as `faultline:error` too.
 */
import { COMMAND_TYPES, MESSAGE_PREFIX, PROTOCOL_VERSION, type CommandType } from '../embed/protocol.ts';
import { DEFAULT_EMBED_HEIGHT_PX, EMBED_DEFAULTS, EMBED_ELEMENT_NAME as ELEMENT_NAME, embedUrl, readEmbedOrigin, type EmbedChoices, type EmbedSource } from '../share/embed-snippet.ts';
const CHOICE_NAMES = Object.keys(EMBED_DEFAULTS) as (keyof EmbedChoices)[];

/** Where this script was loaded from: the app is the folder it sits in (the built site's root). */
function scriptBase(): string | null {
  const script = document.currentScript ?? document.querySelector(`script[src*="${ELEMENT_NAME}"]`);
  return script instanceof HTMLScriptElement && script.src !== '' ? new URL('./', script.src).href : null;
}
const SCRIPT_BASE = scriptBase();

type Command = { type: `${typeof MESSAGE_PREFIX}${CommandType}` } & Record<string, unknown>;

export class FaultlineEmbedElement extends HTMLElement {
  static readonly observedAttributes = ['src', 'scenario', 'share', 'height', 'title', ...CHOICE_NAMES];

  readonly #frame = document.createElement('iframe');
  #frameOrigin = '';
  /** The page's origin when the embed may be driven from it (the embed's `origin` rule), else why not. */
  #driver: { ok: true; origin: string } | { ok: false; problem: string } = { ok: false, problem: 'not connected' };
  #ready = false;
  #waiting: Command[] = [];
  #renderQueued = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host { display: block; max-width: 100%; } iframe { display: block; width: 100%; height: 100%; border: 0; }';
    this.#frame.setAttribute('loading', 'lazy');
    root.append(style, this.#frame);
  }

  connectedCallback(): void {
    window.addEventListener('message', this.#onMessage);
    const page = readEmbedOrigin(window.location.origin);
    this.#driver = page.ok && page.origin !== undefined ? { ok: true, origin: page.origin } : { ok: false, problem: page.ok ? 'it has no origin' : page.problem };
    this.#render();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.#onMessage);
  }

  attributeChangedCallback(): void {
    if (!this.isConnected || this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      this.#render();
    });
  }

  play(): void {
    this.#send({ type: 'faultline:play' });
  }

  pause(): void {
    this.#send({ type: 'faultline:pause' });
  }

  reset(): void {
    this.#send({ type: 'faultline:reset' });
  }

  /** `'story'`, 1, 10, 100 or `'max'`, without reloading (the `speed` attribute reloads). */
  setSpeed(speed: EmbedChoices['speed'] | number): void {
    this.#send({ type: 'faultline:setSpeed', speed });
  }

  /** A fault now, e.g. `{ target: 'api', action: 'crash', for: '30s' }` (docs/format.md, "Faults"). */
  inject(fault: Record<string, unknown>): void {
    this.#send({ type: 'faultline:inject', fault });
  }

  /** A built-in by id, or any faultline.scenario/v1 document (an object or its JSON text). */
  load(scenario: string | Record<string, unknown>, options: { builtin?: boolean } = {}): void {
    const builtin = typeof scenario === 'string' && (options.builtin ?? !scenario.trimStart().startsWith('{'));
    this.#send(builtin ? { type: 'faultline:load', builtin: scenario } : { type: 'faultline:load', scenario });
  }

  /** The iframe's URL: what the element shows (for a test or a "copy link" button). */
  get embedSrc(): string {
    return this.#frame.src;
  }

  #render(): void {
    const base = this.getAttribute('src') ?? SCRIPT_BASE;
    if (base === null) return this.#error('no app URL: give the element a src="https://…/" (where Faultline is hosted), or load faultline-embed.js with a classic <script src>');
    const share = this.getAttribute('share');
    const scenario = this.getAttribute('scenario');
    // The hash of a share link (`#s=…`) wins over `scenario`, as in the embed itself.
    const source: EmbedSource = share !== null ? { shareHash: share.slice(Math.max(0, share.indexOf('#'))) } : scenario !== null ? { builtinId: scenario } : { shareHash: '' };
    // Values are passed as written: the embed itself warns (a faultline:error) and falls back.
    const choices = Object.fromEntries(CHOICE_NAMES.map((name) => [name, this.getAttribute(name) ?? EMBED_DEFAULTS[name]])) as EmbedChoices;
    let url: URL;
    try {
      url = new URL(embedUrl(new URL(base, document.baseURI).href, source, { ...choices, origin: this.#driver.ok ? this.#driver.origin : undefined }));
    } catch {
      return this.#error(`src "${base.slice(0, 80)}" is not a URL`);
    }
    const height = Number(this.getAttribute('height') ?? DEFAULT_EMBED_HEIGHT_PX);
    this.style.height = `${Number.isFinite(height) && height >= 200 ? Math.min(height, 2000) : DEFAULT_EMBED_HEIGHT_PX}px`;
    this.#frame.title = `Faultline: ${this.getAttribute('title') ?? scenario ?? 'demo'}`;
    if (this.#frame.src !== url.href) {
      this.#ready = false;
      this.#frameOrigin = url.origin;
      this.#frame.src = url.href;
    }
  }

  #send(command: Command): void {
    if (!this.#driver.ok) return this.#error(`this page cannot drive the embed (its origin ${this.#driver.problem}); events still arrive`, command.type);
    if (!this.#ready) {
      this.#waiting.push(command);
      return;
    }
    this.#frame.contentWindow?.postMessage({ ...command, version: PROTOCOL_VERSION }, this.#frameOrigin);
  }

  readonly #onMessage = (event: MessageEvent): void => {
    if (event.source !== this.#frame.contentWindow || event.origin !== this.#frameOrigin) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') return;
    const type = (data as { type: string }).type;
    if (!type.startsWith(MESSAGE_PREFIX) || (COMMAND_TYPES as readonly string[]).includes(type.slice(MESSAGE_PREFIX.length))) return;
    if (type === 'faultline:ready') {
      this.#ready = true;
      const waiting = this.#waiting;
      this.#waiting = [];
      // Dispatch first: a listener on `ready` sees the embed before the queued commands act on it.
      this.#dispatch(type, data);
      for (const command of waiting) this.#send(command);
      return;
    }
    this.#dispatch(type, data);
  };

  #error(message: string, request?: string): void {
    this.#dispatch('faultline:error', { type: 'faultline:error', version: PROTOCOL_VERSION, message, ...(request ? { request } : {}) });
  }

  #dispatch(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, FaultlineEmbedElement);
