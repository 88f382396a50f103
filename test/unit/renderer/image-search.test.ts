// A reload of a search by a dropped image (src/renderer/lib/image-search.ts): the image is not
// in the URL, so the page that opens on its hash knows to say why the search is gone.
import { describe, expect, it } from 'vitest';
import { LOST_IMAGE_SEARCH_NOTE, lostImageSearch } from '../../../src/renderer/lib/image-search';
import { IMAGE_HASH, routeToHash } from '../../../src/renderer/lib/route';
import { PHOTOS_SCREEN } from '../../../src/renderer/lib/screen';

describe('a search by image reloaded', () => {
  it('is known by its hash, with Settings open over it too', () => {
    const hash = routeToHash({ screen: PHOTOS_SCREEN, view: { kind: 'image', name: 'q.jpg', base64: '', previewUrl: 'blob:x' }, settings: null });
    expect(hash).toBe(IMAGE_HASH);
    expect(lostImageSearch(hash)).toBe(true);
    expect(lostImageSearch(routeToHash({ screen: PHOTOS_SCREEN, view: { kind: 'image', name: 'q.jpg', base64: '', previewUrl: 'blob:x' }, settings: { section: null } }))).toBe(true);
  });

  it('is not any other screen', () => {
    for (const hash of ['', '#', '#/', '#/search/image', '#/images', '#/similar/abc/q.jpg', '#/folder/%2Fimage']) expect(lostImageSearch(hash), hash).toBe(false);
  });

  it('says why the search is gone and how to search again, in one line', () => {
    expect(LOST_IMAGE_SEARCH_NOTE).toMatch(/reload/);
    expect(LOST_IMAGE_SEARCH_NOTE).toMatch(/drop it again/);
    expect(LOST_IMAGE_SEARCH_NOTE).not.toMatch(/\n/);
  });
});
