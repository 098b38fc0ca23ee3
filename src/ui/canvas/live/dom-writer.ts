/**
 * Writes to the DOM only what changed since the last write, with no DOM reads: the painters run
 * every frame for every node on screen, and most numbers do not change between two frames.
 */
export class DomWriter {
  private last = new Map<string, string>();

  constructor(private readonly elements: readonly Element[]) {}

  private changed(key: string, value: string): boolean {
    if (this.last.get(key) === value) return false;
    this.last.set(key, value);
    return true;
  }

  text(index: number, value: string): void {
    if (!this.changed(`${index}#text`, value)) return;
    const element = this.elements[index];
    // Changing the existing text node's data is cheaper than textContent, which replaces the node.
    const first = element.firstChild;
    if (first && first === element.lastChild && first.nodeType === 3) first.nodeValue = value;
    else element.textContent = value;
  }

  /** An attribute; `null` removes it (CSS selects on `[data-state]` and friends). */
  attr(index: number, name: string, value: string | null): void {
    if (!this.changed(`${index}@${name}`, value ?? '\u0000')) return;
    if (value === null) this.elements[index].removeAttribute(name);
    else this.elements[index].setAttribute(name, value);
  }

  /** A style property or custom property (`--fl-fill`). */
  style(index: number, property: string, value: string): void {
    if (this.changed(`${index}:${property}`, value)) (this.elements[index] as HTMLElement | SVGElement).style.setProperty(property, value);
  }
}
