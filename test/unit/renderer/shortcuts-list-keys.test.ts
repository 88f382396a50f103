// The "?" list names every key the README documents for photo grids and the timeline rail:
// Home / End / PageUp / PageDown in a grid and Home / End on the rail worked, but were missing
// from the list, so a keyboard user never learnt of them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHORTCUT_GROUPS } from '../../../src/renderer/lib/shortcuts';

const keysOf = (title: string) => SHORTCUT_GROUPS.find((g) => g.title === title)?.keys.map(([key]) => key) ?? [];
const readme = fs.readFileSync(path.join(import.meta.dirname, '../../../README.md'), 'utf8');

describe('the shortcuts list', () => {
  it('photo grids: Home / End and PageUp / PageDown, as the README has them', () => {
    expect(keysOf('Photo grids')).toEqual(expect.arrayContaining(['Home End', 'PageUp PageDown']));
    expect(readme).toContain('Home / End (or\n  Ctrl+Home / Ctrl+End) go to the first / last photo of the list and PageUp / PageDown');
  });

  it('the timeline rail: Home / End, as the README has them', () => {
    expect(keysOf('Timeline rail')).toContain('Home End');
    expect(readme).toContain('Home / End go to the newest / oldest');
  });
});
