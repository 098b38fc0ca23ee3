/**
 * JSON text → value, with a syntax error located by line and column. JSON.parse's own messages
 * differ between engines (Safari gives no position at all), so on failure a small scanner finds
 * the first error itself. It is iterative: a file of a million "[" must not overflow the stack.
 */
import { quote } from './issue-text.ts';

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

export function parseJsonText(text: string): JsonTextResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM is invisible in editors
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const found = findSyntaxError(body);
    const offset = found?.offset ?? 0;
    const message = found?.message ?? `could not be read (${error instanceof Error ? error.message : String(error)})`;
    const { line, column } = lineAndColumn(body, offset);
    return { ok: false, line, column, message };
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

interface SyntaxProblem {
  offset: number;
  message: string;
}

function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const codePoint = text.codePointAt(offset) as number;
  return quote(String.fromCodePoint(codePoint));
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

type Expect = 'value' | 'firstValueOrEnd' | 'firstKeyOrEnd' | 'key' | 'colon' | 'commaOrEnd' | 'end';

/** The first syntax error in `text`, or null if it is valid JSON. */
export function findSyntaxError(text: string): SyntaxProblem | null {
  const containers: ('{' | '[')[] = [];
  let expect = 'value' as Expect;
  let i = 0;
  const problem = (message: string, at = i): SyntaxProblem => ({ offset: at, message: `${message}, got ${describeAt(text, at)}` });

  const skipSpace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i++;
    }
  };
  // a loop, not one regular expression: a backtracking regex over a 5 MB string can overflow
  const readString = (): SyntaxProblem | null => {
    let at = i + 1;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 34) {
        i = at + 1;
        return null;
      }
      if (c < 0x20) return problem('expected a printable character in a string (write a line break as \\n)', at);
      if (c === 92) {
        ESCAPE.lastIndex = at;
        if (!ESCAPE.test(text)) return problem('expected an escape such as \\n, \\" or \\u00e9 after "\\"', at + 1);
        at = ESCAPE.lastIndex;
      } else at++;
    }
    return problem('a string is not closed: expected "', at);
  };
  const afterValue = (): Expect => (containers.length === 0 ? 'end' : 'commaOrEnd');

  for (;;) {
    skipSpace();
    const c = text[i];
    switch (expect) {
      case 'end':
        return i >= text.length ? null : problem('expected the end of the file after the JSON value');
      case 'colon':
        if (c !== ':') return problem('expected ":" after the property name');
        i++;
        expect = 'value';
        continue;
      case 'commaOrEnd': {
        const close = containers[containers.length - 1] === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = close === '}' ? 'key' : 'value';
        } else if (c === close) {
          i++;
          containers.pop();
          expect = afterValue();
        } else return problem(`expected "," or "${close}"`);
        continue;
      }
      case 'firstKeyOrEnd':
      case 'key':
        if (c === '}' && expect === 'firstKeyOrEnd') {
          i++;
          containers.pop();
          expect = afterValue();
          continue;
        }
        if (c === '}') return problem('expected a property name after "," (JSON allows no trailing comma)');
        if (c !== '"') return problem(c === "'" ? 'expected a property name in double quotes (not single quotes)' : 'expected a property name in double quotes');
        {
          const bad = readString();
          if (bad !== null) return bad;
        }
        expect = 'colon';
        continue;
      case 'firstValueOrEnd':
        if (c === ']') {
          i++;
          containers.pop();
          expect = afterValue();
          continue;
        }
        expect = 'value';
        continue;
      case 'value': {
        if (c === '{' || c === '[') {
          containers.push(c);
          i++;
          expect = c === '{' ? 'firstKeyOrEnd' : 'firstValueOrEnd';
          continue;
        }
        if (c === '"') {
          const bad = readString();
          if (bad !== null) return bad;
          expect = afterValue();
          continue;
        }
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (literal !== undefined) {
          i += literal.length;
          expect = afterValue();
          continue;
        }
        NUMBER.lastIndex = i;
        if (c !== undefined && /[-0-9]/.test(c) && NUMBER.test(text)) {
          i = NUMBER.lastIndex;
          expect = afterValue();
          continue;
        }
        if (c === ']' && containers[containers.length - 1] === '[') return problem('expected a value after "," (JSON allows no trailing comma)');
        if (c === '/') return problem('expected a value (JSON allows no comments)');
        if (c === "'") return problem('expected a value (strings take double quotes, not single)');
        return problem('expected a value');
      }
    }
  }
}
