/** parseScenarioText: a file's text, with JSON syntax errors located by line and column. */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario';
import { expectOk, scenario } from './fixtures';

const syntaxError = (text: string) => {
  const result = parseScenarioText(text);
  if (result.ok) throw new Error('expected a syntax error');
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]?.path).toBe('(file)');
  return result.errors[0]?.message;
};

describe('parseScenarioText', () => {
  it('parses a valid file exactly as parseScenario does', () => {
    const { spec } = expectOk(parseScenarioText(JSON.stringify(scenario(), null, 2)));
    expect(spec.durationMs).toBe(10_000);
  });

  it('accepts a byte-order mark', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(scenario())}`).ok).toBe(true);
  });

  it('reports schema problems with their paths', () => {
    const result = parseScenarioText(JSON.stringify(scenario({ seed: -1 })));
    expect(result).toEqual({ ok: false, errors: [{ path: 'seed', message: 'expected a whole number ≥ 0, got -1' }] });
  });

  it.each([
    ['{\n  "name": "x",\n}', 'invalid JSON at line 3, column 1: expected a property name after "," (JSON allows no trailing comma), got "}"'],
    ['{\n  "nodes": [1, 2,]\n}', 'invalid JSON at line 2, column 18: expected a value after "," (JSON allows no trailing comma), got "]"'],
    ['{\n  "a": 1\n  "b": 2\n}', 'invalid JSON at line 3, column 3: expected "," or "}", got "\\""'],
    ['{ name: "x" }', 'invalid JSON at line 1, column 3: expected a property name in double quotes, got "n"'],
    ["{ 'name': 1 }", 'invalid JSON at line 1, column 3: expected a property name in double quotes (not single quotes), got "\'"'],
    ['{ "a": \'x\' }', 'invalid JSON at line 1, column 8: expected a value (strings take double quotes, not single), got "\'"'],
    ['{ "a": 1 // note\n}', 'invalid JSON at line 1, column 10: expected "," or "}", got "/"'],
    ['{ "a": // note\n1 }', 'invalid JSON at line 1, column 8: expected a value (JSON allows no comments), got "/"'],
    ['{ "a": "line\nbreak" }', 'invalid JSON at line 1, column 13: expected a printable character in a string (write a line break as \\n), got "\\n"'],
    ['{ "a": "\\x" }', 'invalid JSON at line 1, column 10: expected an escape such as \\n, \\" or \\u00e9 after "\\", got "x"'],
    ['{ "a": "open', 'invalid JSON at line 1, column 13: a string is not closed: expected ", got the end of the file'],
    ['{ "a": [1, 2', 'invalid JSON at line 1, column 13: expected "," or "]", got the end of the file'],
    ['{ "a": 1 } x', 'invalid JSON at line 1, column 12: expected the end of the file after the JSON value, got "x"'],
    ['{ "a" 1 }', 'invalid JSON at line 1, column 7: expected ":" after the property name, got "1"'],
    ['{ "a": tru }', 'invalid JSON at line 1, column 8: expected a value, got "t"'],
    ['{ "a": -x }', 'invalid JSON at line 1, column 8: expected a value, got "-"'],
    ['{ "a": 01 }', 'invalid JSON at line 1, column 9: expected "," or "}", got "1"'],
    ['', 'invalid JSON at line 1, column 1: expected a value, got the end of the file'],
    ['\r\n\r\n  ]', 'invalid JSON at line 3, column 3: expected a value, got "]"'],
    ['{ "a": "😀" x', 'invalid JSON at line 1, column 13: expected "," or "}", got "x"'],
  ])('%j', (text, message) => {
    expect(syntaxError(text)).toBe(message);
  });

  it('handles deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(99_999);
    expect(syntaxError(deep)).toBe('invalid JSON at line 1, column 200000: expected "," or "]", got the end of the file');
    const valid = JSON.stringify(scenario({ extra: 'DEEP' })).replace('"DEEP"', '['.repeat(100_000) + ']'.repeat(100_000));
    const result = parseScenarioText(valid);
    // the limits gate (src/scenario/admit.ts) names the nesting limit before any field is read
    expect(result.ok ? [] : result.errors).toEqual([{ path: '(file)', message: 'objects and lists are nested more than 64 levels deep under extra[0][0]… (a Faultline limit)' }]);
  });
});
