/** Switches between the light and the dark theme. */
import { setTheme, useThemeStore } from './theme.ts';

export function ThemeToggle() {
  const theme = useThemeStore((s) => s.theme);
  return (
    <button type="button" className="fl-button" aria-pressed={theme === 'dark'} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
      Dark theme
    </button>
  );
}
