// A hand-picked album's pins taken out by its last edit go back in their places (Undo).
import { describe, expect, it } from 'vitest';
import { withPinsAdded } from '../../../src/core/albums/album-pin-order';

describe('withPinsAdded', () => {
  it('puts pins the last edit took out back in their places, new ones at the end', () => {
    const removed = [
      { path: '/p/blue.jpg', hash: 'b', index: 0 },
      { path: '/p/yellow.jpg', hash: 'y', index: 2 },
    ];
    expect(withPinsAdded(['/p/canon.jpg'], [{ path: '/p/yellow.jpg', hash: 'y' }, { path: '/p/blue.jpg', hash: 'b' }], removed)).toEqual(['/p/blue.jpg', '/p/canon.jpg', '/p/yellow.jpg']);
    // Moved since (same content, another path): still its place.
    expect(withPinsAdded(['/p/canon.jpg'], [{ path: '/q/blue.jpg', hash: 'b' }], removed)).toEqual(['/q/blue.jpg', '/p/canon.jpg']);
    expect(withPinsAdded(['/p/canon.jpg'], [{ path: '/p/green.jpg', hash: 'g' }], removed)).toEqual(['/p/canon.jpg', '/p/green.jpg']);
  });
});
