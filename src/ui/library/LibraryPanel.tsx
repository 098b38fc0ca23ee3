/**
 * The scenario library: every built-in (src/scenarios/index.ts) as a card, filterable by tag.
 * Loaded lazily (with marked and DOMPurify) the first time the library opens.
 */
import { useMemo, useState } from 'react';
import { builtinScenarios, type BuiltinScenario } from '../../scenarios/index.ts';
import { useThemeStore } from '../layout/theme.ts';
import { themeColours } from '../picture/picture-colours.ts';
import { LibraryCard } from './LibraryCard.tsx';
import { filterByTags, libraryTags } from './library-filter.ts';
import { openBuiltin } from './open-builtin.ts';
import { ReplacedGraphs } from './ReplacedGraphs.tsx';

const TAGS = libraryTags(builtinScenarios);

/** The page's colours once `theme` is applied (the argument keys the memo: the CSS is the source). */
const coloursOf = (_theme: string) => themeColours(getComputedStyle(document.documentElement));

/** `openCount`: the library's opens so far; the kept graphs are read again at each. */
export function LibraryPanel({ onOpened, openCount }: { onOpened: () => void; openCount: number }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const theme = useThemeStore((s) => s.theme);
  // theme.css has applied the theme by the time this renders: read its colours once per theme
  const colours = useMemo(() => coloursOf(theme), [theme]);
  const shown = filterByTags(builtinScenarios, chosen);
  const toggle = (tag: string) => {
    const next = new Set(chosen);
    if (!next.delete(tag)) next.add(tag);
    setChosen(next);
  };
  const open = (builtin: BuiltinScenario) => {
    void openBuiltin(builtin).then((ok) => ok && onOpened());
  };
  return (
    <div className="fl-library">
      <ReplacedGraphs key={openCount} onOpened={onOpened} />
      <div className="fl-library__tags" role="group" aria-label="Filter by tag">
        {TAGS.map((tag) => (
          <button key={tag} type="button" className="fl-library__tag" aria-pressed={chosen.has(tag)} onClick={() => toggle(tag)}>
            {tag}
          </button>
        ))}
      </div>
      <p className="fl-library__count" role="status">
        {shown.length === builtinScenarios.length ? `${shown.length} scenarios` : `${shown.length} of ${builtinScenarios.length} scenarios`}
      </p>
      <ul className="fl-library__cards">
        {shown.map((builtin) => (
          <LibraryCard key={builtin.id} builtin={builtin} themeKey={theme} colours={colours} onOpen={open} />
        ))}
      </ul>
    </div>
  );
}
