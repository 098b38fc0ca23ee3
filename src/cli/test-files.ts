/**
 * What `faultline test` runs: the files named, and in each folder named (recursively, without
 * node_modules and hidden folders) every `.json` file that is a Faultline scenario — other JSON
 * (package.json, tsconfig.json) is passed over. A name that is neither a file nor a folder may be
 * a built-in scenario's id. Each file is read and validated here, on the main thread, so its
 * problems and failed expectations can point at lines of its text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseScenario, type Assertion } from '../scenario/index.ts';
import { builtinScenarios, findBuiltin } from '../scenarios/index.ts';
import { readDocument } from './load.ts';
import { locateIssues, type Problem } from './problems.ts';
import { UsageError } from './usage.ts';

/** A folder walk stops here: a typo such as `faultline test /` should not read a whole disk. */
export const MAX_TEST_FILES = 10_000;

export type TestFile =
  | { name: string; state: 'runnable'; doc: unknown; text?: string; assertions: Assertion[] }
  | { name: string; state: 'invalid'; problems: Problem[]; text?: string }
  | { name: string; state: 'skipped'; reason: string };

function isScenarioDocument(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && typeof (doc as { format?: unknown }).format === 'string' && (doc as { format: string }).format.startsWith('faultline.scenario/');
}

function walk(folder: string, found: string[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path, found);
    else if (entry.isFile() && entry.name.endsWith('.json')) found.push(path);
    if (found.length > MAX_TEST_FILES) throw new UsageError(`more than ${MAX_TEST_FILES} .json files under ${folder}; name the folders that hold the scenarios`, 'test');
  }
}

/** The sources in order: files as named, each folder's files sorted; `fromFolder` marks those found by a walk. */
export function findSources(paths: readonly string[]): { source: string; fromFolder: boolean }[] {
  const sources: { source: string; fromFolder: boolean }[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      if (findBuiltin(path) !== undefined) {
        sources.push({ source: path, fromFolder: false });
        continue;
      }
      throw new UsageError(`${path}: no such file, folder or built-in scenario`, 'test');
    }
    if (!isFolder) {
      sources.push({ source: path, fromFolder: false });
      continue;
    }
    const found: string[] = [];
    walk(path, found);
    for (const file of found) sources.push({ source: relative('.', file) || file, fromFolder: true });
  }
  return sources;
}

/**
 * Whether a file found in a folder whose JSON does not parse was meant as a scenario: its text
 * names the format. A scenario with a syntax error must fail the check, not vanish from it; a
 * tsconfig.json with comments is none of our business.
 */
function namesTheFormat(path: string): boolean {
  try {
    return readFileSync(path, 'utf8').includes('faultline.scenario/');
  } catch {
    return false;
  }
}

/** Reads and validates one source; undefined for a file found in a folder that is not a scenario. */
export async function readTestFile(source: string, fromFolder: boolean): Promise<TestFile | undefined> {
  const read = await readDocument(source, (id) => findBuiltin(id)?.scenario, 'built-in scenario', builtinScenarios.map((b) => b.id));
  if (!read.ok) {
    const unreadableJson = read.errors[0]?.message.startsWith('invalid JSON') === true;
    if (fromFolder && unreadableJson && !namesTheFormat(source)) return undefined;
    return { name: read.name, state: 'invalid', problems: read.errors };
  }
  if (fromFolder && !isScenarioDocument(read.doc)) return undefined;
  const parsed = parseScenario(read.doc);
  if (!parsed.ok) return { name: read.name, state: 'invalid', problems: locateIssues(parsed.errors, read.text), text: read.text };
  if (parsed.expect === undefined) return { name: read.name, state: 'skipped', reason: 'no expect list' };
  return { name: read.name, state: 'runnable', doc: read.doc, text: read.text, assertions: parsed.expect };
}
