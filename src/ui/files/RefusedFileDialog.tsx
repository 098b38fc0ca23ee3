/** Mounts the problems dialog (loaded lazily) while a refused file is to be shown. */
import { lazy, Suspense } from 'react';
import { useRefusedFile } from './refused-file-store.ts';

const FileProblemsDialog = lazy(() => import('./FileProblemsDialog.tsx').then((m) => ({ default: m.FileProblemsDialog })));

export function RefusedFileDialog() {
  const refused = useRefusedFile((s) => s.refused !== null);
  return refused ? (
    <Suspense fallback={null}>
      <FileProblemsDialog />
    </Suspense>
  ) : null;
}
