// A video dropped (or picked) to search by: the app took any ISO-BMFF file (`ftyp`) for an
// image, so "clip.mp4" opened "Photos like clip.mp4" and only then failed with the engine's
// "not an image", while a .txt was refused before the view changed. The app now checks with
// the engine's own magic numbers (src/shared/image-magic.ts): a movie is refused at once, and
// the app takes exactly the files the engine's sniff takes.
import { describe, expect, it } from 'vitest';
import { imageFileRefusal, imageHead, IMAGE_HEAD_BYTES } from '../../../src/renderer/lib/image-search';
import { sniffImage } from '../../../src/core/media/sniff';

const latin1 = (s: string) => [...s].map((c) => c.charCodeAt(0));
/** An ISO-BMFF file's start: its ftyp box (major brand, minor version, compatible brands), then other boxes. */
const ftyp = (major: string, ...compatible: string[]) => {
  const body = [...latin1(major), 0, 0, 0, 0, ...compatible.flatMap(latin1)];
  const size = 8 + body.length;
  return new Uint8Array([0, 0, 0, size, ...latin1('ftyp'), ...body, 0, 0, 0, 8, ...latin1('free'), ...new Array<number>(40).fill(0)]);
};

const MOVIES = {
  'clip.mp4': ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'),
  'phone.mp4': ftyp('mp42', 'mp42', 'isom'),
  'iphone.mov': ftyp('qt  ', 'qt  '),
  'clip.m4v': ftyp('M4V ', 'M4V ', 'M4A ', 'mp42', 'isom'),
  'old-phone.3gp': ftyp('3gp4', '3gp4', 'isom'),
};

describe('a video to search by', () => {
  it('is refused before the view changes, in one line, whatever its name', async () => {
    for (const [name, head] of Object.entries(MOVIES)) {
      expect(imageHead(head), name).toBe(false);
      const refusal = await imageFileRefusal(new File([head], name));
      expect(refusal, name).toBe(`${name} is not an image: search by a photo (JPEG, PNG, HEIC, WebP…).`);
    }
    expect(await imageFileRefusal(new File([MOVIES['clip.mp4']], 'holiday.heic'))).toMatch(/^holiday\.heic is not an image/);
  });

  it('is told from the photos that are ISO-BMFF too: HEIC, AVIF, CR3, a HEIF naming its codec late', async () => {
    const photos = { heic: ftyp('heic', 'mif1', 'heic'), avif: ftyp('avif', 'mif1', 'avif', 'miaf'), cr3: ftyp('crx ', 'crx ', 'isom'), heif: ftyp('mif1', 'mif1', 'miaf', 'MiHE', 'heic') };
    for (const [format, head] of Object.entries(photos)) {
      expect(imageHead(head), format).toBe(true);
      expect(await imageFileRefusal(new File([head], `photo.${format}`)), format).toBeNull();
    }
  });

  it('is refused exactly as the engine refuses it: the app and the engine take the same files', () => {
    const heads = [...Object.values(MOVIES), ftyp('heic', 'mif1'), ftyp('msf1', 'msf1', 'hevc'), ftyp('isom', 'isom', 'avif'), ftyp('jp2 ', 'jp2 '), ftyp('M4A ', 'M4A ', 'mp42'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), new Uint8Array(latin1('%PDF-1.7\n'))];
    for (const head of heads) expect(imageHead(head.subarray(0, IMAGE_HEAD_BYTES)), new TextDecoder('latin1').decode(head.subarray(0, 24))).toBe(sniffImage(head) !== null);
  });
});
