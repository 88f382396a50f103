// What a modal's focus trap counts as its first and last Tab stops: a radio group is one stop,
// as the browser makes it (its checked radio, else its first for Tab and its last for
// Shift+Tab). Counting every radio, Settings took the unchecked "Dark" for its last stop, so
// Tab from the checked "System" was left to the browser, which left the dialog for <body>
// (test/e2e/focus-return.test.ts walks it in Chromium).
import { describe, expect, it } from 'vitest';
import { tabStops, type Radio } from '../../../src/renderer/hooks/useFocusTrap';

interface Control {
  name: string;
  radio?: Radio;
}

const settingsForm = {};
const radio = (group: string, value: string, checked: boolean, owner: unknown = settingsForm): Control => ({ name: value, radio: { owner, name: group, checked } });
const button = (name: string): Control => ({ name });
const names = (controls: Control[], backwards = false) => tabStops(controls, (c) => c.radio ?? null, backwards).map((c) => c.name);

describe("the focus trap's Tab stops", () => {
  it('counts a radio group once, at its checked radio: Settings ends at "System" when System is chosen', () => {
    const settings = [button('Close settings'), button('Install'), radio('theme', 'System', true), radio('theme', 'Light', false), radio('theme', 'Dark', false)];
    expect(names(settings)).toEqual(['Close settings', 'Install', 'System']);
    expect(names(settings, true)).toEqual(['Close settings', 'Install', 'System']);
  });

  it('stops at the first radio of a group with none checked going forward, at its last going back', () => {
    const controls = [button('Cancel'), radio('kind', 'Folder', false), radio('kind', 'S3', false)];
    expect(names(controls)).toEqual(['Cancel', 'Folder']);
    expect(names(controls, true)).toEqual(['Cancel', 'S3']);
  });

  it('keeps groups apart by name and by form, and the other controls as they are', () => {
    const otherForm = {};
    const controls = [radio('keep', 'a.jpg', true), radio('keep', 'b.jpg', false), radio('keep', 'c.jpg', false, otherForm), radio('keep', 'd.jpg', true, otherForm), radio('mode', 'Links', false), button('Move')];
    expect(names(controls)).toEqual(['a.jpg', 'd.jpg', 'Links', 'Move']);
  });
});
