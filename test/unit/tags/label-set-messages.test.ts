// The label set validator's one-line errors quote what the user wrote: a repeated label as
// written in both places, and a JSON syntax error on one line with the bad token's place (V8
// quotes the text's start, newline included), as the app's editor words it
// (src/shared/json-syntax-text.ts).
import { describe, expect, it } from 'vitest';
import { parseLabelSet, parseLabelSetJson } from '../../../src/core/tags/label-set';

describe('label set messages', () => {
  it('quotes each repeated label as written', () => {
    expect(() => parseLabelSet({ name: 'x', labels: ['a', 'A '] }, 'x.json')).toThrow(/^label set x\.json: labels\[1\] "A " repeats labels\[0\] "a" \(labels are compared trimmed, in any case\)$/);
    expect(() => parseLabelSet({ name: 'x', labels: [{ name: ' Cat' }, 'dog', 'cat'] }, 'x.json')).toThrow(/labels\[2\] "cat" repeats labels\[0\] " Cat" /);
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
