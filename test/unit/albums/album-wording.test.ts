// The app words the core's refusals without command-line options or commands: the one place
// that turns the CLI's line into the app's (album-wording.ts).
import { describe, expect, it } from 'vitest';
import { appWording } from '../../../src/core/albums/album-wording';
import { withPinsAdded } from '../../../src/core/albums/album-pin-order';

describe('appWording', () => {
  it('drops the option named first and the command hint at the end', () => {
    expect(appWording('--tag cat: no label set has the label "cat" (shoebox labels list)')).toBe('no label set has the label "cat"');
    expect(appWording('--place: no town or country is called "Qwzxv" (shoebox places lists the places of your photos)')).toBe('no town or country is called "Qwzxv"');
    expect(appWording('the query image /a/b.jpg is gone')).toBe('the query image /a/b.jpg is gone');
  });
});

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
