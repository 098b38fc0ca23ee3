/**
 * Opening a scenario file (from the file input or a drop): the size limit before reading, then
 * the parser's full check — the simulation worker's (the page carries no parser, issue 16; a
 * syntax error still names its line and column). A file the parser rejects is NOT opened: every problem is reported
 * with its path and the current graph stays as it was (no history step). If the file is at
 * least editable, the person may still choose to open it and fix it in the editor.
 */
import { admissionProblem, parseJsonText, SCENARIO_LIMITS, type ScenarioIssue } from '../../scenario/facts.ts';
import { readEditableDocument } from '../../store/graph/document.ts';
import { graphActions } from '../../store/graph-store.ts';
import { simulationHost } from '../../store/simulation-worker.ts';
import type { CheckResult } from '../../../workers/protocol.ts';

export interface RefusedFile {
  fileName: string;
  problems: ScenarioIssue[];
  /** The document, when the editor could still hold it ("open anyway"); null otherwise. */
  editable: unknown;
}

export type FileOpenOutcome = { kind: 'opened'; fileName: string } | { kind: 'refused'; refused: RefusedFile };

const FILE_PATH = '(file)';
const MB = 1024 * 1024;

/** Who checks the text: the page's simulation worker (Node tests pass the host itself). */
export type CheckText = (text: string) => Promise<CheckResult> | CheckResult;
const checkInWorker: CheckText = (text) => simulationHost().check(text);

export async function openScenarioFile(file: Pick<File, 'name' | 'size' | 'text'>, checkText: CheckText = checkInWorker): Promise<FileOpenOutcome> {
  const refuse = (problems: ScenarioIssue[], editable: unknown = null): FileOpenOutcome => ({ kind: 'refused', refused: { fileName: file.name, problems, editable } });
  // Checked before reading: a 2 GB file must not be loaded into memory to be refused.
  if (file.size > SCENARIO_LIMITS.maxTextBytes) {
    return refuse([{ path: FILE_PATH, message: `expected a file of at most ${SCENARIO_LIMITS.maxTextBytes / MB} MB (a Faultline limit), got ${(file.size / MB).toFixed(1)} MB` }]);
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return refuse([{ path: FILE_PATH, message: `the file could not be read (${String(error)})` }]);
  }
  const checked = await checkText(text);
  const json = parseJsonText(text);
  // "Open anyway" only for what the limits gate admits: a 70,000-node or 65-level file is refused outright
  const editable = json.ok && admissionProblem(json.value) === null && readEditableDocument(json.value).ok ? json.value : null;
  if (!checked.ok) return refuse(checked.errors, editable);
  if (!json.ok) return refuse([{ path: FILE_PATH, message: 'invalid JSON' }]); // unreachable: the parser read it
  const loaded = graphActions.load(json.value);
  return loaded.ok ? { kind: 'opened', fileName: file.name } : refuse([{ path: FILE_PATH, message: loaded.reason }]);
}
