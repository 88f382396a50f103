import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderThumbnails, thumbnailKey } from '../../../src/core/media/thumbnail';
import { tempDir } from '../../helpers/images';

const HASH = 'abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789';

describe('thumbnail storage', () => {
  it('keys are content-addressed, fanned out by the first two hex digits', () => {
    expect(thumbnailKey(HASH)).toBe(`ab/${HASH}.jpg`);
    expect(thumbnailKey(HASH.toUpperCase())).toBe(`ab/${HASH}.jpg`);
    for (const bad of ['', 'abc', '../../etc/passwd', `${HASH}/..`, 'zz'.repeat(20)]) expect(() => thumbnailKey(bad), bad).toThrow();
  });

  it('refuse anything that is not a key (no traversal out of the thumbs dir)', async () => {
    const thumbs = folderThumbnails(tempDir('shoebox-thumbs-'));
    for (const bad of [`../${HASH}.jpg`, `cd/${HASH}.jpg`, `ab/${HASH}.png`, '/etc/passwd', `ab\\${HASH}.jpg`]) {
      await expect(thumbs.read(bad), bad).rejects.toThrow(/not a thumbnail key/);
      await expect(thumbs.write(bad, Buffer.from('x')), bad).rejects.toThrow(/not a thumbnail key/);
    }
  });

  it('writes atomically, once, and leaves no temporary files', async () => {
    const dir = tempDir('shoebox-thumbs-');
    const thumbs = folderThumbnails(dir);
    const key = thumbnailKey(HASH);
    const jpeg = Buffer.from([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]);
    expect(await thumbs.write(key, jpeg)).toBe(true);
    expect(fs.readFileSync(path.join(dir, key)).equals(jpeg)).toBe(true);
    expect(await thumbs.write(key, Buffer.from('other'))).toBe(false); // present: skipped
    expect(fs.readFileSync(path.join(dir, key)).equals(jpeg)).toBe(true);

    const key2 = thumbnailKey(`ab${'0'.repeat(62)}`);
    const results = await Promise.all(Array.from({ length: 8 }, () => thumbs.write(key2, jpeg)));
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(fs.readFileSync(path.join(dir, key2)).equals(jpeg)).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'ab')).sort()).toEqual([`${HASH}.jpg`, `ab${'0'.repeat(62)}.jpg`].sort());
  });
});
