/**
 * "Export SVG" and "Export PNG" beside the File group. The drawing code is loaded on the first
 * click, so it adds nothing to the editor's initial JavaScript.
 */
import { useGraphStore } from '../../store/graph-store.ts';

async function run(kind: 'svg' | 'png'): Promise<void> {
  try {
    const picture = await import('./export-picture.ts');
    if (kind === 'svg') picture.exportSvg();
    else await picture.exportPng();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    useGraphStore.setState({ notice: { tone: 'error', text: `Could not export the canvas as ${kind.toUpperCase()}: ${reason}` } });
  }
}

export function PictureExport() {
  return (
    <div className="fl-toolbar__group" role="group" aria-label="Picture">
      <button type="button" className="fl-button" onClick={() => void run('svg')} title="The canvas as a vector picture">Export SVG</button>
      <button type="button" className="fl-button" onClick={() => void run('png')} title="The canvas as an image">Export PNG</button>
    </div>
  );
}
