// "Scan now" in the app reads through the library's reader; saving the signatures it had to
// compute takes the writer, which retires that reader (library-service.ts), and a retired
// reader closes a while later. On a large library the signatures take minutes: the phases
// after them (similar pictures' vectors, the folders, the hand edits) must read through the
// store the library gives now, not the retired one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DupesService, type DupesStore } from '../../../src/core/dupes/dupes-service';
import { folderThumbnails, thumbnailKey } from '../../../src/core/media';
import type { LibraryStore } from '../../../src/core/store/types';
import { sceneJpeg } from '../../helpers/scenes';
import { openStore, photo, tempLibraryDir, unit } from '../../unit/store/store-helpers';

/** `store` as a reader that is closed once `retired()` says so (the library's writer was taken). */
function retiringReader(store: LibraryStore, retired: () => boolean): LibraryStore {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (retired()) throw new Error('The library store is closed');
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('a duplicate scan that takes the writer to save signatures', () => {
  it('reads its later phases through the store the library gives after that, not the retired reader', async () => {
    const libraryDir = tempLibraryDir();
    const root = path.dirname(libraryDir);
    const photosDir = path.join(root, 'photos');
    const thumbs = path.join(root, 'thumbs');
    fs.mkdirSync(photosDir);
    const store = await openStore(libraryDir);
    const beach = await sceneJpeg(1, 480, 360);
    const files = [
      { name: 'beach.jpg', bytes: beach, vector: unit(1, 0, 0, 0) },
      { name: 'beach-small.jpg', bytes: await sharp(beach).resize(320).jpeg({ quality: 80 }).toBuffer(), vector: unit(1, 0.01, 0, 0) },
      { name: 'forest.jpg', bytes: await sceneJpeg(2, 480, 360), vector: unit(0, 1, 0, 0) },
    ];
    const rows = [];
    for (const f of files) {
      const file = path.join(photosDir, f.name);
      fs.writeFileSync(file, f.bytes);
      const hash = crypto.createHash('sha256').update(f.bytes).digest('hex');
      await folderThumbnails(thumbs).write(thumbnailKey(hash), await sharp(f.bytes).resize(384, 384, { fit: 'inside' }).jpeg().toBuffer());
      rows.push(photo(file, { folder: photosDir, hash, thumbKey: thumbnailKey(hash), size: f.bytes.length, vector: f.vector }));
    }
    await store.addFolder(photosDir);
    await store.upsertPhotos(rows); // no signatures: the scan computes and saves them

    let writerTaken = false;
    const reader = retiringReader(store, () => writerTaken) as DupesStore;
    const dupes = new DupesService({
      thumbnails: folderThumbnails(thumbs),
      // While the writer is held, reads go through it (LibraryService.readable).
      readable: async () => (writerTaken ? store : reader),
      writable: async () => {
        writerTaken = true;
        return store;
      },
    });

    const scan = await dupes.scan({ kinds: ['near', 'similar'] });
    expect(scan.stats).toMatchObject({ signaturesComputed: 3, signaturesSaved: true });
    expect(scan.groups.map((g) => g.members.map((m) => path.basename(m.path)).sort())).toEqual([['beach-small.jpg', 'beach.jpg']]);
  });
});
