/**
 * src/scenario's zod-free door, for light readers that must not carry the parser: the embed's
 * first frame (src/ui/embed/still-picture.ts through src/store/graph/document.ts) and share
 * links. Whatever is exported here must stay zod-free — tests/scenario/light-door.test.ts
 * bundles it and fails if zod comes along. Everything else enters through index.ts.
 */
export { FORMAT_V1 } from './header-facts.ts';
export { admissionProblem, textSizeProblem } from './admit.ts';
export type { ScenarioIssue } from './issue-text.ts';
