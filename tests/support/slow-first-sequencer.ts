// Two files run at a time, so the run ends when the later of the two lanes does: a slow file
// started last leaves one core idle while it finishes. Vitest orders files by the last run's
// durations when it has them, and by file size on a clean clone (CI), where a short file that
// runs every built-in (golden-reports) came last and ran alone for 23 s. The files measured
// slowest on a clean clone go first; the rest keep vitest's order. A stale entry costs nothing.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Slowest first, from the JSON reports of a clean-clone `npm test` (node_modules/.cache/faultline-test-all):
 * 2026-12-06's baseline on the 2 × Xeon machine (file durations in seconds), the browser files
 * after key-removal's phone playback moved from portrait into legibility. */
const SLOWEST_FIRST = [
  // Node
  'tests/golden/golden-reports.test.ts', // 29.6
  'tests/validation/guide-narratives.test.ts', // 24.4
  'tests/validation/s1-mm1.test.ts', // 21.8
  'tests/cli/run-guard.test.ts', // 14.6
  'tests/experiments/sweeps.test.ts', // 14.1
  'tests/experiments/sharding-examples.test.ts', // 10.6
  'tests/weak-points/single-failures.test.ts', // 10.5
  'tests/weak-points/cli.test.ts', // 10.2
  'tests/cli/test-command.test.ts', // 9.2
  'tests/cli/conventions.test.ts', // 8.3
  'tests/scenario/property.test.ts', // 8.1
  'tests/validation/s7-mfa.test.ts', // 7.3
  'tests/cli/report-schema.test.ts', // 7.2
  'tests/contract/page-validation.test.ts', // 6.1 (unit-isolated)
  'tests/cli/cli.test.ts', // 5.3
  // browser
  'tests/e2e/portrait.e2e.ts', // 82.2 before the move, ~63 after
  'tests/e2e/legibility.e2e.ts', // 65.3
  'tests/e2e/toolbar.e2e.ts', // 31.8
  'tests/e2e/editor-a11y.e2e.ts', // 29.1
  'tests/e2e/share.e2e.ts', // 23.3
  'tests/e2e/embed.e2e.ts', // 23.1
  'tests/e2e/library.e2e.ts', // 20.7
  'tests/e2e/compare.e2e.ts', // 15.9
  'tests/e2e/hostile.e2e.ts', // 15.5
  'tests/e2e/canvas-overlay.e2e.ts', // 14.7
  'tests/e2e/weak-points.e2e.ts', // 14.6
  'tests/e2e/monitoring-inspector.e2e.ts', // 13.4
  'tests/e2e/alerts.e2e.ts', // 12.6
  'tests/e2e/blogger.e2e.ts', // 11.1
  'tests/e2e/files.e2e.ts', // 10.9
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
