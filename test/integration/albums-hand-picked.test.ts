// Hand-picked albums end to end in-process on the tiny colour model: an album with no query
// holds exactly the photos pinned to it, in the order they were pinned, follows a moved photo
// (pins are kept by content), survives re-opening the library and exports like any album.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlbumService } from '../../src/core/albums/album-service';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

async function colourFolder(): Promise<string> {
  const dir = tempDir('shoebox-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  return dir;
}

const names = (members: { path: string }[]) => members.map((m) => path.basename(m.path));

describe('hand-picked albums', () => {
  it('hold exactly their pins, in pin order; follow a moved photo; survive re-opening; export', async () => {
    const photos = await colourFolder();
    const home = tempDir();
    const lib = testLibrary(home);
    await lib.index([photos]);
    const albums = new AlbumService(lib);
    const created = await albums.create('Italy trip', '');
    expect(created).toMatchObject({ query: '', threshold: null, filters: {}, pinned: [] });
    expect(await albums.members('Italy trip')).toEqual([]);

    // Pinned in this order: blue, then red (nothing matches by a query: green and yellow stay out).
    await albums.setMembership('Italy trip', [path.join(photos, 'blue.jpg'), path.join(photos, 'red.jpg')], 'pinned');
    expect(names(await albums.members('Italy trip'))).toEqual(['blue.jpg', 'red.jpg']);
    expect((await albums.members('Italy trip')).every((m) => m.pinned)).toBe(true);
    expect(await albums.summary('Italy trip')).toMatchObject({ handPicked: true, members: 2, effectiveThreshold: 0 });

    // Excluding from a hand-picked album unpins: nothing is kept out for later.
    await albums.exclude('Italy trip', path.join(photos, 'red.jpg'));
    expect(await albums.get('Italy trip')).toMatchObject({ pinned: [path.join(photos, 'blue.jpg')], excluded: [] });
    await albums.pin('Italy trip', path.join(photos, 'red.jpg'));

    // A threshold or a filter without a query is refused (a usage error), not silently dropped.
    await expect(albums.create('bad', '', { threshold: 0.3 })).rejects.toMatchObject({ usage: true, message: expect.stringMatching(/hand-picked album \(no query\) has no threshold/) });
    await expect(albums.create('bad', ' ', { filters: { folder: photos } })).rejects.toMatchObject({ usage: true, message: expect.stringMatching(/has no filters/) });

    // The blue photo moves to another folder: it stays in the album, where it is now.
    const sub = path.join(photos, 'moved');
    fs.mkdirSync(sub);
    fs.renameSync(path.join(photos, 'blue.jpg'), path.join(sub, 'blue.jpg'));
    await lib.index();
    expect((await albums.members('Italy trip')).map((m) => m.path)).toEqual([path.join(sub, 'blue.jpg'), path.join(photos, 'red.jpg')]);
    await lib.close();

    // Re-opened: the same album, the same photos.
    const again = new AlbumService(testLibrary(home));
    const [summary] = await again.list();
    expect(summary).toMatchObject({ name: 'Italy trip', handPicked: true, members: 2 });
    expect((await again.members('Italy trip')).map((m) => m.path)).toEqual([path.join(sub, 'blue.jpg'), path.join(photos, 'red.jpg')]);

    // Exported like any album: a link per photo.
    const out = path.join(tempDir(), 'export');
    expect(await again.export('Italy trip', out)).toMatchObject({ mode: 'symlink', exported: 2, failed: [] });
    expect(fs.readdirSync(out).map((e) => fs.readlinkSync(path.join(out, e))).sort()).toEqual([path.join(photos, 'red.jpg'), path.join(sub, 'blue.jpg')].sort());
  });

  it('keeps a smart album whose query is cleared as it was (refused), and previews nothing without a query', async () => {
    const photos = await colourFolder();
    const lib = testLibrary(tempDir());
    await lib.index([photos]);
    const albums = new AlbumService(lib);
    await albums.create('reds', 'red', { threshold: 0.8 });
    expect(names(await albums.members('reds'))).toEqual(['red.jpg']);
    await albums.pin('reds', path.join(photos, 'green.jpg'));
    // The query cleared in the editor: refused, the album matches and holds its pin as before
    // (emptied, its matched photos would silently have given way to its pins).
    await expect(albums.save({ name: 'reds', query: '' }, 'reds')).rejects.toThrow(/"reds" finds its photos by its query: it keeps one/);
    expect(names(await albums.members('reds')).sort()).toEqual(['green.jpg', 'red.jpg']);
    // Nothing to preview without a query: the editor's live count is 0.
    expect((await albums.preview({ query: '' })).members).toEqual([]);
  });
});
