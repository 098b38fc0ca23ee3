/** The colours a picture is drawn in: the theme's, so an export looks like the canvas. */

export interface PictureColours {
  background: string;
  card: string;
  text: string;
  muted: string;
  border: string;
  link: string;
  /** By health word (ok, strained, failing, down), as the live painter names it. */
  health: Record<string, string>;
}

/** The light theme (src/ui/theme.css): used in Node and whenever a variable cannot be read. */
export const LIGHT_COLOURS: PictureColours = {
  background: '#fbfbf9',
  card: '#ffffff',
  text: '#1b1d1f',
  muted: '#555b62',
  border: '#8a9099',
  link: '#8a9099',
  health: { ok: '#009e73', strained: '#e69f00', failing: '#d55e00', down: '#6e6e6e' },
};

/** A CSS colour is put in an attribute: anything but a plain colour value is ignored. */
const SAFE_COLOUR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/]+\))$/i;

/** Reads the current theme's `--fl-*` variables from an element's computed style. */
export function themeColours(style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): PictureColours {
  const read = (name: string, fallback: string) => {
    const value = style.getPropertyValue(name).trim();
    return SAFE_COLOUR.test(value) ? value : fallback;
  };
  const base = LIGHT_COLOURS;
  return {
    background: read('--fl-canvas', base.background),
    card: read('--fl-panel', base.card),
    text: read('--fl-fg', base.text),
    muted: read('--fl-muted', base.muted),
    border: read('--fl-line-strong', base.border),
    link: read('--fl-link', base.link),
    health: {
      ok: read('--fl-ok-fill', base.health.ok),
      strained: read('--fl-strained-fill', base.health.strained),
      failing: read('--fl-failing-fill', base.health.failing),
      down: read('--fl-down', base.health.down),
    },
  };
}
