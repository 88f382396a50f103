// The duplicate scan on a library whose rows really lack signatures (rows written straight
// into a LanceDB store, as photos indexed before signatures existed are): it computes each
// content's signature once (from the stored thumbnail, else from the original file), saves
// them, finds the near duplicates with them, and the next scan computes none.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DupesService } from '../../../src/core/dupes/dupes-service';
import { signatureFromJpeg } from '../../../src/core/dupes/signature';
import { folderThumbnails, thumbnailKey } from '../../../src/core/media';
import type { PhotoRecord } from '../../../src/core/store/types';
import { sceneJpeg } from '../../helpers/scenes';
import { openStore, photo, tempLibraryDir } from '../../unit/store/store-helpers';

describe('signature backfill', () => {
  it('computes, saves and uses the signatures of contents indexed without one, once', async () => {
    const libraryDir = tempLibraryDir();
    const root = path.dirname(libraryDir);
    const photosDir = path.join(root, 'photos');
    const thumbs = path.join(root, 'thumbs');
    fs.mkdirSync(photosDir);
    const store = await openStore(libraryDir);

    const big = await sceneJpeg(1, 480, 360);
    const forest = await sceneJpeg(2, 480, 360);
    const files: { name: string; bytes: Buffer; thumbnail: boolean }[] = [
      { name: 'beach.jpg', bytes: big, thumbnail: true },
      { name: 'beach-small.jpg', bytes: await sharp(big).resize(320).jpeg({ quality: 80 }).toBuffer(), thumbnail: true },
      { name: 'forest.jpg', bytes: forest, thumbnail: true },
      { name: 'forest copy.jpg', bytes: forest, thumbnail: true }, // same content: one signature
      { name: 'no-thumbnail.jpg', bytes: await sceneJpeg(3, 320, 240), thumbnail: false }, // made from the original
    ];
    const rows: PhotoRecord[] = [];
    const thumbnails = new Map<string, Buffer>();
    for (const f of files) {
      const file = path.join(photosDir, f.name);
      fs.writeFileSync(file, f.bytes);
      const hash = crypto.createHash('sha256').update(f.bytes).digest('hex');
      const key = thumbnailKey(hash);
      if (f.thumbnail) {
        const jpeg = await sharp(f.bytes).resize(384, 384, { fit: 'inside' }).jpeg().toBuffer();
        await folderThumbnails(thumbs).write(key, jpeg);
        thumbnails.set(hash, jpeg);
      }
      rows.push(photo(file, { folder: photosDir, hash, thumbKey: key, size: f.bytes.length }));
    }
    await store.addFolder(photosDir);
    await store.upsertPhotos(rows); // rows only: nothing computed a signature
    expect(await store.getSignatures()).toEqual([]);

    const dupes = new DupesService({ thumbnails: folderThumbnails(thumbs), readable: async () => store, writable: async () => store });
    const first = await dupes.scan({ kinds: ['near'] });
    expect(first.stats).toMatchObject({ contents: 4, signaturesComputed: 4, signaturesSaved: true, unsigned: 0 });
    const stored = await store.getSignatures();
    expect(stored.map((s) => s.hash).sort()).toEqual([...new Set(rows.map((r) => r.hash))].sort());
    // From the thumbnail where there is one: the signature indexing would have saved from it.
    for (const [hash, jpeg] of thumbnails) {
      const expected = await signatureFromJpeg(jpeg);
      expect(Buffer.from(stored.find((s) => s.hash === hash)!.signature).equals(Buffer.from(expected.bytes))).toBe(true);
    }
    // The near pair is found through the computed signatures; identical copies are one content.
    expect(first.groups.map((g) => g.members.map((m) => path.basename(m.path)))).toEqual([['beach.jpg', 'beach-small.jpg']]);

    const second = await dupes.scan({ kinds: ['near'] });
    expect(second.stats).toMatchObject({ signaturesComputed: 0, unsigned: 0 });
    expect(second.groups).toEqual(first.groups);
  });
});
