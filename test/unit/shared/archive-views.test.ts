// Which timelines leave archived photos out, as the engine filters them and the app clears a
// selection whose photos left: the library's own streams do, the Archive and narrowed views do not.
import { describe, expect, it } from 'vitest';
import { hidesArchived } from '../../../src/shared/archive-views';

describe('hidesArchived', () => {
  it('leaves archived photos out of All photos, Recently added and On this day', () => {
    expect(hidesArchived({})).toBe(true);
    expect(hidesArchived({ archived: false })).toBe(true);
    expect(hidesArchived({ folder: '' })).toBe(true); // no folder chosen
  });

  it('keeps them in the Archive and in a view narrowed on purpose', () => {
    expect(hidesArchived({ archived: true })).toBe(false);
    expect(hidesArchived({ folder: '/photos/2024' })).toBe(false);
    expect(hidesArchived({ tag: 'receipt' })).toBe(false);
    expect(hidesArchived({ favourite: true })).toBe(false);
    expect(hidesArchived({ place: 'Arezzo, Italy' })).toBe(false);
  });
});
