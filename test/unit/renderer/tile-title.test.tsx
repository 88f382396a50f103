// A grid tile's tooltip says why a search found the photo: a hit holding the text searched
// for says "text match" and the words it holds (a text-only search ranks by a full-text score,
// 6.277, which is no similarity); any other hit its CLIP similarity, a cosine.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PhotoHit } from '../../../src/shared/api';
import { PhotoTile } from '../../../src/renderer/components/PhotoTile';

const HIT = { id: 'p1', path: '/m/receipt.png', folder: '/m', width: 4, height: 3, takenAt: null, score: 0.2734 } satisfies PhotoHit;
const box: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 1]];
const TEXT_HIT = { ...HIT, score: 6.2771, photoText: { text: 'OPEN 24 HOURS\nthank you', words: [{ text: 'OPEN', box }, { text: '24', box }], width: 4, height: 3 } } satisfies PhotoHit;

const title = (hit: PhotoHit) => /class="tile__open"[^>]* title="([^"]*)"/.exec(renderToStaticMarkup(<PhotoTile photo={hit} index={0} size={160} thumbUrl="/thumb/x" score={hit.score} onOpen={() => {}} onMoreLikeThis={() => {}} />))?.[1];

describe("a search tile's tooltip", () => {
  it('calls a hit that holds the text a text match, with its words, never a similarity', () => {
    expect(title(TEXT_HIT)).toBe('receipt.png · text match: OPEN 24');
  });

  it('gives any other hit its similarity', () => {
    expect(title(HIT)).toBe('receipt.png · similarity 0.273');
  });
});
