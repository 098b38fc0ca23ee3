/**
 * What an inspector field edits: a node, a link or the scenario, reached by a path. Sections
 * take a binding rather than an id so the same retry or distribution editor serves clients,
 * calls, balancers and links.
 */
import { defaultOf, NODE_KINDS, type DefaultsOwner, type NodeKind } from '../../../scenario/facts.ts';
import { graphActions, type DocumentLink, type DocumentNode } from '../../../store/graph-store.ts';
import { getIn, formatFieldPath, type FieldPath } from '../../../store/graph/field-path.ts';
import { issuesAt, issuesUnder, type FieldIssue } from '../../../store/graph/validation-index.ts';
import { itemVaryPath } from '../../../experiments/sweep-fields.ts';

export interface FieldBinding {
  /** For ids of inputs: unique per edited thing. */
  key: string;
  get(path: FieldPath): unknown;
  set(path: FieldPath, value: unknown): void;
  issues(path: FieldPath): FieldIssue[];
  /** Issues for this field or anything inside it (a list's items). */
  issuesUnder(path: FieldPath): FieldIssue[];
  /** The field as an experiment's `vary.path` ("Sweep this…"), or undefined where it has none. */
  varyPath?(path: FieldPath): string | undefined;
  /** The format's default for the field (src/scenario `defaultOf`), or undefined when it has none. */
  defaultAt(path: FieldPath): { value: unknown } | undefined;
}

const defaultsOf = (owner: DefaultsOwner | undefined) => (path: FieldPath) => (owner === undefined ? undefined : defaultOf(owner, path));
const isNodeKind = (kind: unknown): kind is NodeKind => (NODE_KINDS as readonly unknown[]).includes(kind);

export function nodeBinding(node: DocumentNode, issues: readonly FieldIssue[] | undefined): FieldBinding {
  return {
    key: `node-${node.id}`,
    get: (path) => getIn(node, path),
    set: (path, value) => graphActions.setNodeField(node.id, path, value),
    issues: (path) => issuesAt(issues, formatFieldPath(path)),
    issuesUnder: (path) => issuesUnder(issues, formatFieldPath(path)),
    varyPath: (path) => itemVaryPath('nodes', node.id, path),
    defaultAt: defaultsOf(isNodeKind(node.kind) ? node.kind : undefined),
  };
}

export function linkBinding(link: DocumentLink, issues: readonly FieldIssue[] | undefined): FieldBinding {
  return {
    key: `link-${link.id}`,
    get: (path) => getIn(link, path),
    set: (path, value) => graphActions.setLinkField(link.id, path, value),
    issues: (path) => issuesAt(issues, formatFieldPath(path)),
    issuesUnder: (path) => issuesUnder(issues, formatFieldPath(path)),
    varyPath: (path) => itemVaryPath('links', link.id, path),
    defaultAt: defaultsOf('link'),
  };
}

export function scenarioBinding(document: Record<string, unknown>, issues: readonly FieldIssue[]): FieldBinding {
  return {
    key: 'scenario',
    get: (path) => getIn(document, path),
    set: (path, value) => graphActions.setScenarioField(String(path[0]), value), // top-level fields only
    issues: (path) => issuesAt(issues, formatFieldPath(path)),
    issuesUnder: (path) => issuesUnder(issues, formatFieldPath(path)),
    // top-level fields only; the seed is swept by `experiment.seeds`, not by a path
    varyPath: (path) => (path.length === 1 && path[0] !== 'seed' ? String(path[0]) : undefined),
    defaultAt: defaultsOf('scenario'),
  };
}

/** "node-api:retry.backoff.base" → a DOM id safe for label/for and aria-describedby. */
export function inputId(binding: FieldBinding, path: FieldPath): string {
  return `fl-${binding.key}-${formatFieldPath(path)}`.replace(/[^A-Za-z0-9_-]/g, '_');
}
