// The label-set editor's rows as Save sends them and as Reload rebuilds them: a label the user
// blanked is sent, for the validator to refuse (it used to be dropped with its tags, "Saved."),
// while rows added and never typed in are left out; and after a save refused because the set
// changed elsewhere, Reload keeps both the user's edits and the other change.
import { describe, expect, it } from 'vitest';
import { afterRefusal, emptyForm, formFromSet, formToInput, labelRow, rebaseForm, saveArguments, withoutUnusedRows } from '../../../src/renderer/components/tags/label-set-form';
import type { LabelSetInfo } from '../../../src/shared/api';
import { parseLabelSet } from '../../../src/shared/label-set';

const SET = { name: 'colours', labels: [{ name: 'red', prompts: [] }, { name: 'green', prompts: [] }, { name: 'blue', prompts: [] }], threshold: 0.3, margin: 0.05, templates: null };
const refusal = (input: unknown) => {
  try {
    parseLabelSet(input, '"colours"');
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('what Save sends', () => {
  it('sends a blanked label as typed, so the validator refuses it: green is not dropped', () => {
    const form = formFromSet(SET);
    form.labels[1] = { ...form.labels[1]!, name: '   ' };
    const sent = withoutUnusedRows(form);
    expect(sent.labels).toHaveLength(3);
    expect(formToInput(sent).labels).toEqual(['red', '   ', 'blue']);
    expect(refusal(formToInput(sent))).toBe('label set "colours": label 2 must not be empty');
  });

  it('leaves out rows added and never typed in, and numbers the rest as sent', () => {
    const form = { ...emptyForm(), name: 'pets' };
    form.labels = [labelRow('cat'), labelRow(), labelRow('dog'), labelRow()];
    const sent = withoutUnusedRows(form);
    expect(formToInput(sent).labels).toEqual(['cat', 'dog']);
    expect(withoutUnusedRows(sent)).toBe(sent);
  });
});

describe('Reload after a save refused for a change made elsewhere', () => {
  it('keeps the typed threshold and takes in the label added elsewhere', () => {
    const loaded = formFromSet(SET);
    const mine = { ...loaded, threshold: '0.4' };
    const now = formFromSet({ ...SET, labels: [...SET.labels, { name: 'purple', prompts: [] }] });
    const merged = rebaseForm(loaded, mine, now);
    expect(formToInput(merged)).toEqual({ name: 'colours', labels: ['red', 'green', 'blue', 'purple'], threshold: 0.4, margin: 0.05 });
  });

  it('keeps labels the user typed or changed, follows the set now for those left as loaded', () => {
    const loaded = formFromSet(SET);
    const mine = { ...loaded, labels: [loaded.labels[0]!, { ...loaded.labels[1]!, prompts: 'a lawn' }, loaded.labels[2]!, labelRow('yellow')] };
    // Elsewhere: blue taken out, red given a prompt, margin changed.
    const now = formFromSet({ ...SET, labels: [{ name: 'red', prompts: ['a tomato'] }, { name: 'green', prompts: [] }], margin: 0.1 });
    const merged = formToInput(rebaseForm(loaded, mine, now));
    expect(merged).toEqual({ name: 'colours', labels: [{ name: 'red', prompts: ['a tomato'] }, { name: 'green', prompts: ['a lawn'] }, 'yellow'], threshold: 0.3, margin: 0.1 });
  });
});

describe('a save refused because the set was removed elsewhere', () => {
  const info = (revision: string) => ({ ...SET, revision }) as unknown as LabelSetInfo;

  it('offers Save as a new set, which sends the typed values with no previous name and no revision', () => {
    expect(afterRefusal('r1', undefined)).toEqual({ removed: true });
    const typed = { ...formFromSet(SET), threshold: '0.4' };
    const input = formToInput(withoutUnusedRows(typed));
    // Save of the opened set: refused by the core every time once it is gone.
    expect(saveArguments(input, { name: 'colours', revision: 'r1' })).toEqual([input, 'colours', 'r1']);
    // Save as a new set: the core's rule for a new set (a name taken meanwhile is refused).
    expect(saveArguments(input, null)).toEqual([{ name: 'colours', labels: ['red', 'green', 'blue'], threshold: 0.4, margin: 0.05 }]);
  });

  it('offers Reload when changed elsewhere, nothing when the set is as loaded', () => {
    const now = info('r2');
    expect(afterRefusal('r1', now)).toEqual({ now });
    expect(afterRefusal('r2', now)).toBeNull();
  });
});
