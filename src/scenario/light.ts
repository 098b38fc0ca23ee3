/**
 * src/scenario's smallest zod-free door, for the embed's first frame (src/ui/embed/still-picture.ts
 * through src/store/graph/document.ts) and share links: only what they read, since whatever this
 * file reaches lands in the embed's first JavaScript. The format's other zod-free facts (defaults,
 * kinds, durations, ids) are facts.ts. Whatever is exported here must stay zod-free —
 * tests/embed/first-load.test.ts follows its imports and fails if zod comes along. Everything
 * else enters through index.ts.
 */
export { FORMAT_V1 } from './header-facts.ts';
export { admissionProblem, textSizeProblem } from './admit.ts';
export type { ScenarioIssue } from './issue-text.ts';
