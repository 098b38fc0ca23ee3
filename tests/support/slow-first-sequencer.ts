// Two files run at a time, so the run ends when the later of the two lanes does: a slow file
// started last leaves one core idle while it finishes. Vitest orders files by the last run's
// durations when it has them, and by file size on a clean clone (CI), where a short file that
// runs every built-in (golden-reports) came last and ran alone for 23 s. The files measured
// slowest on a clean clone go first; the rest keep vitest's order. A stale entry costs nothing.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Slowest first, from the JSON reports of a clean-clone `npm test` (node_modules/.cache/faultline-test-all). */
const SLOWEST_FIRST = [
  // Node
  'tests/validation/guide-narratives.test.ts',
  'tests/validation/s1-mm1.test.ts',
  'tests/experiments/sweeps.test.ts',
  'tests/golden/golden-reports.test.ts',
  'tests/weak-points/cli.test.ts',
  'tests/cli/run-guard.test.ts',
  'tests/contract/page-validation.test.ts',
  'tests/cli/conventions.test.ts',
  'tests/cli/cli.test.ts',
  // browser
  'tests/e2e/toolbar.e2e.ts',
  'tests/e2e/legibility.e2e.ts',
  'tests/e2e/embed.e2e.ts',
  'tests/e2e/editor-a11y.e2e.ts',
  'tests/e2e/share.e2e.ts',
  'tests/e2e/monitoring-inspector.e2e.ts',
  'tests/e2e/library.e2e.ts',
  'tests/e2e/compare.e2e.ts',
  'tests/e2e/weak-points.e2e.ts',
];

function rank(file: TestSpecification): number {
  const index = SLOWEST_FIRST.findIndex((path) => file.moduleId.endsWith(`/${path}`));
  return index === -1 ? SLOWEST_FIRST.length : index;
}

export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const place = new Map(sorted.map((file, i) => [file, i]));
    // groups and projects stay in vitest's order (groupOrder first); within one, the slowest first
    const groupOf = (file: TestSpecification) => `${file.project.config.sequence.groupOrder}\u0000${file.project.name}`;
    const firstOfGroup = new Map<string, number>();
    sorted.forEach((file, i) => { if (!firstOfGroup.has(groupOf(file))) firstOfGroup.set(groupOf(file), i); });
    return [...sorted].sort((a, b) => firstOfGroup.get(groupOf(a))! - firstOfGroup.get(groupOf(b))! || rank(a) - rank(b) || place.get(a)! - place.get(b)!);
  }
}
