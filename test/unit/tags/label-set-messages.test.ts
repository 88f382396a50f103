// The label set validator's one-line errors quote what the user wrote: a repeated label as
// written in both places, and a JSON syntax error on one line with the bad token's place (V8
// quotes the text's start, newline included), as the app's editor words it
// (src/shared/json-syntax-text.ts).
import { describe, expect, it } from 'vitest';
import { parseLabelSet, parseLabelSetJson } from '../../../src/core/tags/label-set';

describe('label set messages', () => {
  it('quotes each repeated label as written', () => {
    expect(() => parseLabelSet({ name: 'x', labels: ['a', 'A '] }, 'x.json')).toThrow(/^label set x\.json: label 2 "A " repeats label 1 "a" \(labels are compared trimmed, in any case\)$/);
    expect(() => parseLabelSet({ name: 'x', labels: [{ name: ' Cat' }, 'dog', 'cat'] }, 'x.json')).toThrow(/label 3 "cat" repeats label 1 " Cat" /);
  });

  it('counts labels from 1, as the editor numbers its rows, in every message about one', () => {
    const refusal = (labels: unknown[]) => {
      try {
        parseLabelSet({ name: 'x', labels }, 'x.json');
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal(['red', '   ', 'blue'])).toBe('label set x.json: label 2 must not be empty');
    expect(refusal(['red', 'a|b'])).toMatch(/^label set x\.json: label 2 must not contain "\|"/);
    expect(refusal(['red', 'x'.repeat(201)])).toBe('label set x.json: label 2 is too long (over 200 characters)');
    expect(refusal(['red', { name: 'cat', prompts: ['ok', ' '] }])).toBe('label set x.json: label 2 prompt 2 must be a non-empty string');
    expect(refusal(['red', { name: '' }])).toBe('label set x.json: label 2 must not be empty');
  });

  it('reads a file that starts with a byte-order mark (Windows Notepad), as without one', () => {
    const text = JSON.stringify({ name: 'colours', labels: ['red', 'green'] });
    expect(parseLabelSetJson(`\uFEFF${text}`, 'bad13.json')).toEqual(parseLabelSetJson(text, 'bad13.json'));
    // Only a leading one: anywhere else it is still a bad token.
    expect(() => parseLabelSetJson(`${text}\uFEFF`, 'bad13.json')).toThrow(/not valid JSON/);
  });

  it('gives the JSON error on one line, with the bad token\'s line and column', () => {
    let message = '';
    try {
      parseLabelSetJson('not json\n', 'bad.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('\n');
    expect(message).toBe("label set bad.json: not valid JSON: Unexpected token 'o' at line 1, column 2");
  });
});
