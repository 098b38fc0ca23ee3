/**
 * Sets an element's text only when it differs, changing the existing text node's data rather than
 * replacing it (as live/dom-writer.ts does for the canvas). Any DOM write is a repaint of the
 * page, and with a big graph on the canvas each one costs milliseconds (docs/performance.md).
 */
export function writeText(element: Element, text: string): void {
  const first = element.firstChild;
  if (first && first === element.lastChild && first.nodeType === 3) {
    if (first.nodeValue !== text) first.nodeValue = text;
  } else if (element.textContent !== text) element.textContent = text;
}

/** Sets `data-<name>` only when it differs (undefined removes it). */
export function writeData(element: HTMLElement, name: string, value: string | undefined): void {
  if (element.dataset[name] === value) return;
  if (value === undefined) delete element.dataset[name];
  else element.dataset[name] = value;
}
