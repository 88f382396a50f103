// The selection's "New album" field empties only once the album is made: a name the engine
// refuses (another album holds it) stays typed, to be corrected. newAlbumWith says "made" only
// on success; the field (NewAlbumField) empties when it hears its own name.
import { describe, expect, it } from 'vitest';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { newAlbumWith } from '../../../src/renderer/components/albums/NewAlbumField';
import { onAlbumMade } from '../../../src/renderer/components/albums/album-made';

const clientSaving = (save: () => Promise<unknown>) => ({ saveAlbum: save }) as unknown as ShoeboxClient;

describe('a new album from the selection', () => {
  it('says "made" when the engine saved it, and not when it refused the name', async () => {
    const heard: string[] = [];
    const stop = onAlbumMade((name) => heard.push(name));
    try {
      await expect(newAlbumWith(clientSaving(() => Promise.reject(new Error('an album named "Trip" already exists'))), 'Trip', ['a'])).rejects.toThrow(/already exists/);
      expect(heard).toEqual([]);
      await newAlbumWith(clientSaving(async () => ({ name: 'Trip 2', members: 1 })), 'Trip 2', ['a']);
      expect(heard).toEqual(['Trip 2']);
    } finally {
      stop();
    }
  });
});
