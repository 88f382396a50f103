// The label-set editor's words: a file is read by the validator of `shoebox labels import`, so
// what the CLI refuses the editor refuses too, in the same one line naming the file (it used
// to drop unknown fields, a label's misspelt "prompt" with them, and take "0.4" for 0.4); a file
// that is not JSON says why in one whole line, with where (V8 quotes the text around a bad
// token, newlines and all, so its first line was cut mid-quote); and Delete's question says
// what removing a set keeps, as `labels remove` does.
import { describe, expect, it } from 'vitest';
import { importJson, removalQuestion } from '../../../src/renderer/components/tags/label-set-form';
import { jsonSyntaxText } from '../../../src/shared/json-syntax-text';

const importError = (text: string): string => {
  try {
    importJson(text, 'bad.json');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('imported');
};
const syntaxText = (text: string): string => {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonSyntaxText(text, error);
  }
  throw new Error('parsed');
};

describe('the label-set editor', () => {
  it('says a file that is not JSON is not, whole and on one line, with the place of the bad token', () => {
    expect(importError('not json\n')).toBe("label set bad.json: not valid JSON: Unexpected token 'o' at line 1, column 2");
    expect(importError('{"name": "x",\n  "labels": [red]}\n')).toBe("label set bad.json: not valid JSON: Unexpected token 'r' at line 2, column 14");
    // A long file: V8 quotes an excerpt ("…"...) and no position; the place is found all the same.
    const long = `{"name": "x", "labels": ["a", "b"], "threshold": oops, "margin": 0.1, "more": "${'a'.repeat(80)}"}`;
    expect(importError(long)).toBe("label set bad.json: not valid JSON: Unexpected token 'o' at line 1, column 50");
  });

  it('refuses what `shoebox labels import` refuses, in its words, rather than dropping what the user wrote', () => {
    const misspelt = '{"name":"pets","labels":[{"name":"cat","prompt":["a kitten"]},"dog"],"threshold":"0.4"}';
    expect(importError(misspelt)).toBe('label set bad.json: label 1 has unknown field "prompt"');
    expect(importError('{"name":"pets","labels":["cat","dog"],"threshold":"0.4"}')).toBe('label set bad.json: "threshold" must be a number from 0 to 1');
    expect(importError('{"name":"pets","labels":["cat","dog"],"treshold":0.4}')).toBe('label set bad.json: the set has unknown field "treshold"');
    expect(importError('{"name":"pets","labels":["cat","Cat "]}')).toBe('label set bad.json: label 2 "Cat " repeats label 1 "cat" (labels are compared trimmed, in any case)');
    expect(importError('{"name":"pets","labels":["cat"]}')).toMatch(/^label set bad\.json: "labels" needs at least two labels/);
    expect(importError('{"name":"a|b","labels":["cat","dog"]}')).toMatch(/^label set bad\.json: "name" must not contain "\|"/);
    expect(importError('{"name":"pets","labels":["cat",3]}')).toBe('label set bad.json: label 2 must be a string or a {"name", "prompts"} object');
  });

  it('fills the form with everything a valid file holds: prompts, threshold, margin, templates', () => {
    const form = importJson(
      JSON.stringify({ name: 'pets', labels: [{ name: 'cat', prompts: ['a kitten', 'a cat asleep'] }, 'dog'], threshold: 0.4, margin: 0.025, templates: ['a photo of {}'] }),
      'pets.json',
    );
    expect(form).toMatchObject({ name: 'pets', threshold: '0.4', margin: '0.025', templates: ['a photo of {}'] });
    expect(form.labels.map((row) => [row.name, row.prompts])).toEqual([
      ['cat', 'a kitten\na cat asleep'],
      ['dog', ''],
    ]);
    expect(importJson('{"name":"pets","labels":["cat","dog"]}', 'pets.json')).toMatchObject({ threshold: '0.3', margin: '0.05', templates: null });
  });

  it('says the other JSON errors whole too, their position as line and column', () => {
    expect(syntaxText('{"a":')).toBe('Unexpected end of JSON input');
    expect(syntaxText('{,}')).toBe("Expected property name or '}' at line 1, column 2");
    expect(syntaxText('[1,]')).toBe("Unexpected token ']' at line 1, column 4");
    expect(syntaxText('{"a": "b", x}')).toBe('Expected double-quoted property name at line 1, column 12');
    expect(syntaxText('1\n 2')).toBe('Unexpected non-whitespace character after JSON at line 2, column 2');
    expect(syntaxText('{"a": "b\nc"}')).toBe('Bad control character in string literal at line 1, column 9');
    // A message as newer V8s write it, with their own line and column.
    expect(jsonSyntaxText('{,}', new SyntaxError("Expected property name or '}' in JSON at position 1 (line 1 column 2)"))).toBe("Expected property name or '}' at line 1, column 2");
  });

  it('asks before deleting a set in the facts of `labels remove`: its tags go, the decisions are kept', () => {
    const question = removalQuestion('colours');
    expect(question).toMatch(/^Delete “colours” and its tags\?/);
    expect(question).toContain('Your accept/reject decisions on it are kept and come back if you import it again under this name');
    expect(question).toContain('albums filtered by a label only this set has match nothing');
    expect(question).toContain('Photos and XMP sidecars stay as they are.');
    expect(question).not.toMatch(/with its tags and your accept\/reject decisions/);
  });
});
