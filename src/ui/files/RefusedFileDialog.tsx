/** Mounts the problems dialog (loaded lazily) while a refused file is to be shown. */
import { lazy, Suspense } from 'react';
import { PanelBoundary } from '../boundary/PanelBoundary.tsx';
import { refusedFileActions, useRefusedFile } from './refused-file-store.ts';

const FileProblemsDialog = lazy(() => import('./FileProblemsDialog.tsx').then((m) => ({ default: m.FileProblemsDialog })));

export function RefusedFileDialog() {
  const refused = useRefusedFile((s) => s.refused !== null);
  return refused ? (
    <PanelBoundary name="The file problems dialog" id="file-problems" compact action={{ label: 'Dismiss', run: refusedFileActions.dismiss }}>
      <Suspense fallback={null}>
        <FileProblemsDialog />
      </Suspense>
    </PanelBoundary>
  ) : null;
}
