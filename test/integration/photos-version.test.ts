// The store's two versions: the data version moves with every photo, tag or favourite write
// (what views filtered by them are cached under), the photos version with photo writes only
// (the timeline's and Places' read of every photo is cached under it, so marking a favourite
// at 100k photos does not read them all again).
import { describe, expect, it } from 'vitest';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

describe('store versions', () => {
  it('a favourite moves the data version only; a photo indexed moves both, for readers too', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-versions-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const lib = testLibrary(home);
    await lib.index(await lib.addFolders([photos]));
    const store = await lib.writable();
    const reader = await testLibrary(home).readable();
    const versions = async () => ({ writer: [await store.photosVersion(), await store.dataVersion()], reader: [await reader.photosVersion(), await reader.dataVersion()] });
    const before = await versions();

    const [red] = await store.listPhotos();
    await store.setFavourites([red!.hash], true);
    const marked = await versions();
    expect(marked.writer[0]).toBe(before.writer[0]);
    expect(marked.writer[1]).not.toBe(before.writer[1]);
    expect(marked.reader[0]).toBe(before.reader[0]);
    expect(marked.reader[1]).not.toBe(before.reader[1]);

    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    await lib.index([photos]);
    const added = await versions();
    expect(added.writer[0]).not.toBe(marked.writer[0]);
    expect(added.reader[0]).not.toBe(marked.reader[0]);
    expect(added.reader[1]).not.toBe(marked.reader[1]);
  });
});
