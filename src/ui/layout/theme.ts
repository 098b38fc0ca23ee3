/**
 * Light or dark: the person's choice (remembered), else the system's. Applied as
 * `data-theme` on <html>, which theme.css turns into the `--fl-*` colours.
 */
import { create } from 'zustand';

export type Theme = 'light' | 'dark';
const THEME_KEY = 'faultline.theme';

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function savedTheme(): Theme | null {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    return saved === 'light' || saved === 'dark' ? saved : null;
  } catch {
    return null;
  }
}

export const useThemeStore = create<{ theme: Theme }>(() => ({ theme: savedTheme() ?? systemTheme() }));

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

export function startTheme(): void {
  apply(useThemeStore.getState().theme);
  useThemeStore.subscribe(({ theme }) => apply(theme));
  // Follow the system until the person picks a theme themselves.
  matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => {
    if (savedTheme() === null) useThemeStore.setState({ theme: systemTheme() });
  });
}

export function setTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Not remembered across reloads; still applied now.
  }
  useThemeStore.setState({ theme });
}
