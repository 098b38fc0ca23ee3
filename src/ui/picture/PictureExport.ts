/**
 * The File menu's "Export SVG" and "Export PNG". The drawing code is loaded on the first use, so
 * it adds nothing to the editor's initial JavaScript.
 */
import { useGraphStore } from '../../store/graph-store.ts';

export async function exportPicture(kind: 'svg' | 'png'): Promise<void> {
  try {
    const picture = await import('./export-picture.ts');
    if (kind === 'svg') picture.exportSvg();
    else await picture.exportPng();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    useGraphStore.setState({ notice: { tone: 'error', text: `Could not export the canvas as ${kind.toUpperCase()}: ${reason}` } });
  }
}
