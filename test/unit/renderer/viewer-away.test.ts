// The main viewer's photo gone from its list, once the engine says whether the library still
// has it: followed back into the list, the next photo when it only left this list, said
// removed when gone; and an answer that comes too late (the user moved on, or a second ask
// answered after the first said removed) never swaps the photo on screen.
import { describe, expect, it } from 'vitest';
import type { ListedPhotos } from '../../../src/renderer/hooks/useViewerFollowsPhoto';
import { afterAwayAnswer, type ViewerState } from '../../../src/renderer/lib/viewer-away';

const list = (ids: string[]): ListedPhotos => ({
  get: (index) => (ids[index] === undefined ? undefined : { id: ids[index]! }),
  indexOf: (id) => ids.indexOf(id),
});
const away: ViewerState = { index: 1, id: 'gone' };

describe('the viewer after the engine answers about its photo gone from the list', () => {
  it('follows the photo back into the list when the list has it again', () => {
    expect(afterAwayAnswer(away, 'gone', true, list(['a', 'b', 'gone']))).toEqual({ index: 2, id: 'gone' });
  });

  it('shows the photo that took its place when the library still has it (it left this list only)', () => {
    expect(afterAwayAnswer(away, 'gone', true, list(['a', 'b', 'c']))).toEqual({ index: 1, id: 'b' });
  });

  it('says it removed when the library has it no more, or the engine cannot say', () => {
    expect(afterAwayAnswer(away, 'gone', false, list(['a', 'b']))).toEqual({ index: 1, id: 'gone', removed: true });
    expect(afterAwayAnswer(away, 'gone', null, list(['a', 'b']))).toEqual({ index: 1, id: 'gone', removed: true });
  });

  it('changes nothing once the user has moved on to another photo, or closed the viewer', () => {
    const moved: ViewerState = { index: 1, id: 'b' };
    expect(afterAwayAnswer(moved, 'gone', false, list(['a', 'b']))).toBe(moved);
    expect(afterAwayAnswer(null, 'gone', true, list(['a', 'b']))).toBeNull();
  });

  it('keeps a photo said removed: a later answer does not swap in the one that took its place', () => {
    const removed = afterAwayAnswer(away, 'gone', null, list(['a', 'b']));
    expect(afterAwayAnswer(removed, 'gone', true, list(['a', 'b']))).toBe(removed);
  });
});
