/** The library's tag filter, pure: tags by how many scenarios carry them, and the matching scenarios. */
import type { BuiltinScenario } from '../../scenarios/index.ts';

/** Every tag, most used first (ties alphabetical), so the useful filters come first on a phone. */
export function libraryTags(builtins: readonly BuiltinScenario[]): string[] {
  const counts = new Map<string, number>();
  for (const b of builtins) for (const tag of b.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
}

/** Scenarios carrying every chosen tag (none chosen: all), in the library's order. */
export function filterByTags(builtins: readonly BuiltinScenario[], chosen: ReadonlySet<string>): BuiltinScenario[] {
  return builtins.filter((b) => [...chosen].every((tag) => b.tags.includes(tag)));
}
