// A search by image (src/renderer/lib/image-search.ts): a file that is no image is refused by
// its first bytes, before the view changes, in one line; and a reload of a search by image
// (the image is not in the URL) knows to say why the search is gone.
import { describe, expect, it } from 'vitest';
import { imageFileRefusal, imageHead, LOST_IMAGE_SEARCH_NOTE, lostImageSearch } from '../../../src/renderer/lib/image-search';
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

describe('a file to search by', () => {
  const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

  it('is taken by the first bytes of the formats the engine reads', () => {
    const heads = {
      jpeg: bytes([0xff, 0xd8, 0xff, 0xe0], '\0\x10JFIF'),
      png: bytes('\x89PNG\r\n\x1a\n', [0, 0, 0, 13]),
      webp: bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '),
      gif: bytes('GIF89a', [1, 0, 1, 0]),
      heic: bytes([0, 0, 0, 24], 'ftypheicmif1'),
      avif: bytes([0, 0, 0, 28], 'ftypavifmif1'),
      tiff: bytes('II*\0', [8, 0, 0, 0]),
      tiffBigEndian: bytes('MM\0*', [0, 0, 0, 8]),
      orf: bytes('IIRO', [8, 0, 0, 0]),
      raf: bytes('FUJIFILMCCD-RAW 0201'),
    };
    for (const [format, head] of Object.entries(heads)) expect(imageHead(head), format).toBe(true);
  });

  it('is refused when it is text, a document, or too short to tell', () => {
    for (const head of [bytes('pizza on the beach\n'), bytes('%PDF-1.7\n'), bytes('PK', [3, 4, 20, 0]), bytes([0xff, 0xd8]), new Uint8Array()]) expect(imageHead(head)).toBe(false);
  });

  it('is refused by its name, in one line', async () => {
    const refusal = await imageFileRefusal(new File(['not an image at all'], 'notimage.txt', { type: 'text/plain' }));
    expect(refusal).toMatch(/^notimage\.txt is not an image/);
    expect(refusal).not.toMatch(/\n/);
    // The name is no guide either way: a JPEG's bytes are a JPEG's.
    expect(await imageFileRefusal(new File([bytes([0xff, 0xd8, 0xff, 0xe0])], 'photo.txt'))).toBeNull();
    expect(await imageFileRefusal(new File(['hello'], 'photo.jpg', { type: 'image/jpeg' }))).toMatch(/^photo\.jpg is not an image/);
  });
});
