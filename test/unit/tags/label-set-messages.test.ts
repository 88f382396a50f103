// The label set validator's one-line errors quote what the user wrote: a repeated label as
// written in both places, and a JSON syntax error whole (JSON.parse quotes the text's start,
// a file's newline included).
import { describe, expect, it } from 'vitest';
import { parseLabelSet, parseLabelSetJson } from '../../../src/core/tags/label-set';

describe('label set messages', () => {
  it('quotes each repeated label as written', () => {
    expect(() => parseLabelSet({ name: 'x', labels: ['a', 'A '] }, 'x.json')).toThrow(/^label set x\.json: labels\[1\] "A " repeats labels\[0\] "a" \(labels are compared trimmed, in any case\)$/);
    expect(() => parseLabelSet({ name: 'x', labels: [{ name: ' Cat' }, 'dog', 'cat'] }, 'x.json')).toThrow(/labels\[2\] "cat" repeats labels\[0\] " Cat" /);
  });

  it('gives the JSON error whole, on one line', () => {
    let message = '';
    try {
      parseLabelSetJson('not json\n', 'bad.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('\n');
    // The quoted start of the text is closed, its newline written as \n.
    expect(message).toMatch(/^label set bad\.json: not valid JSON \(Unexpected token .*"not json\\n"/);
    expect(message).toMatch(/\)$/);
  });
});
