/**
 * "Export SVG" / "Export PNG": the current document drawn by document-svg.ts in the current
 * theme, with each node's health as the live painter last wrote it on the canvas (a DOM read,
 * once per export; no live metrics are kept). PNG: the SVG is drawn onto a <canvas> through an
 * <img> from a blob URL (allowed by the CSP's img-src blob:), then canvas.toBlob.
 */
import { getDocument } from '../../store/graph-store.ts';
import { fileStem } from '../files/download.ts';
import { documentToSvg } from './document-svg.ts';
import { themeColours } from './picture-colours.ts';

/** Twice the CSS size for sharp text on high-density screens, within what every browser's canvas allows. */
const PNG_SCALE = 2;
const MAX_PNG_SIDE_PX = 8192;

function canvasHealth(ids: readonly string[]): Map<string, string> {
  const health = new Map<string, string>();
  for (const id of ids) {
    const card = window.document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    const word = card?.querySelector('[data-health]')?.getAttribute('data-health') ?? card?.getAttribute('data-health');
    if (word && word !== 'idle') health.set(id, word);
  }
  return health;
}

export function currentPictureSvg(): { svg: string; stem: string } {
  const document = getDocument();
  const svg = documentToSvg(document, {
    colours: themeColours(getComputedStyle(window.document.documentElement)),
    health: canvasHealth(document.nodes.map((n) => n.id)),
  });
  return { svg, stem: fileStem(document.name) };
}

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(window.document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000); // Chromium reads the blob after click() returns
}

export function exportSvg(): void {
  const { svg, stem } = currentPictureSvg();
  saveBlob(`${stem}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the browser could not draw the SVG'));
    image.src = url;
  });
}

/** The PNG of an SVG string, `scale` times its own size (clamped to the canvas limit). */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    const fit = Math.min(scale, MAX_PNG_SIDE_PX / Math.max(1, image.naturalWidth), MAX_PNG_SIDE_PX / Math.max(1, image.naturalHeight));
    const canvas = Object.assign(window.document.createElement('canvas'), {
      width: Math.max(1, Math.round(image.naturalWidth * fit)),
      height: Math.max(1, Math.round(image.naturalHeight * fit)),
    });
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas produced no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportPng(): Promise<void> {
  const { svg, stem } = currentPictureSvg();
  saveBlob(`${stem}.png`, await svgToPng(svg));
}
