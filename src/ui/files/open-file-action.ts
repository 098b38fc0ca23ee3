/** What the file input and a drop both do with a file: open it, or show why it was refused. */
import { useGraphStore } from '../../store/graph-store.ts';
import { openScenarioFile } from './open-scenario-file.ts';
import { refusedFileActions } from './refused-file-store.ts';

export async function openFileFromUser(file: File): Promise<void> {
  const outcome = await openScenarioFile(file);
  if (outcome.kind === 'refused') refusedFileActions.show(outcome.refused);
  else {
    refusedFileActions.dismiss();
    useGraphStore.setState({ notice: { tone: 'info', text: `Opened ${outcome.fileName}. Undo returns to the graph you had before.` } });
  }
}
