// Just enough of an HTMLElement for the live painter (src/ui/canvas/live/live-painter.ts): the
// `data-live` parts it finds under a card, their attributes, text and style, and a count of writes
// (the painter must not touch what did not change).
export class FakeElement {
  attrs = new Map<string, string>();
  textContent = '';
  styles = new Map<string, string>();
  writes = 0;
  style = { setProperty: (name: string, value: string) => { this.styles.set(name, value); this.writes++; } };
  children: FakeElement[] = [];
  constructor(live?: string) {
    if (live) this.attrs.set('data-live', live);
  }
  hasAttribute(name: string) { return this.attrs.has(name); }
  getAttribute(name: string) { return this.attrs.get(name) ?? null; }
  setAttribute(name: string, value: string) { this.attrs.set(name, value); this.writes++; }
  removeAttribute(name: string) { this.attrs.delete(name); this.writes++; }
  querySelectorAll(_selector: string) {
    const all: FakeElement[] = [];
    const walk = (el: FakeElement) => el.children.forEach((c) => { if (c.attrs.has('data-live')) all.push(c); walk(c); });
    walk(this);
    return all;
  }
}
