/** What the semantic checks share: the file as read, and the ids it declares. */
import type { FaultSpec, GuideStep, LinkSpec, NodeSpec } from '../engine/index.ts';
import type { IssueLog } from './errors.ts';
import type { ScenarioHeader } from './header.ts';
import { closestMatch } from './suggest.ts';

export interface ReadScenario {
  header: ScenarioHeader | undefined;
  /** The raw lists (undefined when unreadable), and what parsed of each item, by position. */
  rawNodes: readonly unknown[] | undefined;
  rawLinks: readonly unknown[] | undefined;
  rawFaults: readonly unknown[] | undefined;
  nodes: readonly (NodeSpec | undefined)[];
  links: readonly (LinkSpec | undefined)[];
  faults: readonly (FaultSpec | undefined)[];
  guide: readonly (GuideStep | undefined)[];
}

export interface Declared {
  index: number;
  /** `kind` as written, even when the node did not parse (undefined for links). */
  kind: string | undefined;
}

const MAX_SUGGESTION_LOOKUPS = 100;

export class SemanticContext {
  /** First declaration of each id (later ones are duplicates, reported once). */
  readonly nodes = new Map<string, Declared>();
  readonly links = new Map<string, Declared>();
  /** "from\0to" for every link whose ends are strings, parsed or not. */
  readonly linkPairs = new Set<string>();
  private suggestionLookups = 0;

  constructor(
    readonly scenario: ReadScenario,
    readonly log: IssueLog,
  ) {}

  hasLink(from: string, to: string): boolean {
    return this.linkPairs.has(pairKey(from, to));
  }

  /** ` (did you mean "api"?)`; bounded, so ten thousand typos against two thousand ids stay fast. */
  suggest(word: string, candidates: Iterable<string>): string {
    if (this.suggestionLookups++ >= MAX_SUGGESTION_LOOKUPS) return '';
    const match = closestMatch(word, candidates);
    return match === undefined ? '' : ` (did you mean ${quote(match)}?)`;
  }
}

import { quote } from './errors.ts';
export { quote };
export const pairKey = (from: string, to: string) => `${from}\u0000${to}`;
