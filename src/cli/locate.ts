/**
 * Where a problem's path ("nodes[1].calls[0].to") is in the JSON text, as line and column, for
 * `validate`'s output and GitHub annotations. A field that is missing points at the object that
 * should hold it (the deepest part of the path the text has). A scan over the text, without
 * recursion, so a deeply nested file cannot overflow the stack.
 */
import { lineAndColumn } from '../scenario/index.ts';

export interface TextPosition {
  line: number;
  column: number;
}

type Segment = string | number;

const SEGMENT = /^(?:\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;

/** "nodes[0].calls[1][\"odd key\"]" → ["nodes", 0, "calls", 1, "odd key"]; null for "(file)" or an unreadable path. */
export function pathSegments(path: string): Segment[] | null {
  const segments: Segment[] = [];
  let rest = path;
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (match === null) return null;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3]) as string);
    rest = rest.slice(match[0].length);
  }
  return segments.length > 0 ? segments : null;
}

/** The position of the value at `path` (or of its deepest ancestor present), or null. */
export function locatePath(text: string, path: string): TextPosition | null {
  const segments = pathSegments(path);
  if (segments === null) return null;
  const offset = new Scanner(text).find(segments);
  return offset === null ? null : lineAndColumn(text, offset);
}

class Scanner {
  private i = 0;

  constructor(private readonly text: string) {}

  find(segments: Segment[]): number | null {
    this.space();
    if (this.i >= this.text.length) return null;
    let found = this.i;
    for (const segment of segments) {
      const at = typeof segment === 'number' ? this.element(segment) : this.member(segment);
      if (at === null) break;
      found = at;
    }
    return found;
  }

  private space(): void {
    while (this.i < this.text.length && ' \t\r\n'.includes(this.text[this.i])) this.i++;
  }

  /** From `[`, moves to element `index` and returns its offset; null if there is none. */
  private element(index: number): number | null {
    if (this.text[this.i] !== '[') return null;
    this.i++;
    for (let k = 0; ; k++) {
      this.space();
      if (this.text[this.i] === ']') return null;
      if (k === index) return this.i;
      this.skipValue();
      this.space();
      if (this.text[this.i] !== ',') return null;
      this.i++;
    }
  }

  /** From `{`, moves to the value of `key` (the last one, as JSON.parse keeps) and returns its offset. */
  private member(key: string): number | null {
    if (this.text[this.i] !== '{') return null;
    this.i++;
    let found: number | null = null;
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"') break;
      const keyStart = this.i;
      this.skipString();
      const name = JSON.parse(this.text.slice(keyStart, this.i)) as string;
      this.space();
      this.i++; // ':'
      this.space();
      if (name === key) found = this.i;
      this.skipValue();
      this.space();
      if (this.text[this.i] !== ',') break;
      this.i++;
    }
    if (found !== null) this.i = found;
    return found;
  }

  private skipString(): void {
    this.i++;
    while (this.i < this.text.length && this.text[this.i] !== '"') this.i += this.text[this.i] === '\\' ? 2 : 1;
    this.i++;
  }

  private skipValue(): void {
    let depth = 0;
    do {
      const c = this.text[this.i];
      if (c === '"') this.skipString();
      else if (c === '{' || c === '[') {
        depth++;
        this.i++;
      } else if (c === '}' || c === ']') {
        depth--;
        this.i++;
      } else if (depth === 0) {
        while (this.i < this.text.length && !',}] \t\r\n'.includes(this.text[this.i])) this.i++;
      } else this.i++;
    } while (depth > 0 && this.i < this.text.length);
  }
}
