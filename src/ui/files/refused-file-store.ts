/** The file that was last refused, for the problems dialog; outside React so a drop can set it. */
import { create } from 'zustand';
import type { RefusedFile } from './open-scenario-file.ts';

export const useRefusedFile = create<{ refused: RefusedFile | null }>(() => ({ refused: null }));

export const refusedFileActions = {
  show(refused: RefusedFile): void {
    useRefusedFile.setState({ refused });
  },
  dismiss(): void {
    useRefusedFile.setState({ refused: null });
  },
};
