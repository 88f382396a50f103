// Every app field that takes a typed folder path reads it alike (core/api/typed-folder.ts):
// "~/…" with spaces around is the home folder in Add folder, Export (a selection, an album)
// and Import from a card; a relative path is refused in one line, before anything is
// written, and never resolved against the engine's working folder (Electron's, `serve`'s).
// Real LanceDB and the tiny model; HOME is a temporary folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobFinished, useApiHosts } from '../../helpers/api-host';
import { tempDir, writeColourPhoto } from '../../helpers/images';

/** A photo written at `dir/name`, its folders made first. */
const photoAt = (dir: string, name: string, rgb: [number, number, number]) => (fs.mkdirSync(dir, { recursive: true }), writeColourPhoto(dir, name, rgb));

describe('a folder path typed into the app', () => {
  const openHost = useApiHosts();
  const saved = { home: process.env.HOME, cwd: process.cwd() };
  let home: string;

  beforeEach(() => {
    home = tempDir('shoebox-typed-home-');
    process.env.HOME = home;
  });
  afterEach(() => {
    process.env.HOME = saved.home;
    process.chdir(saved.cwd);
  });

  /** A library folder added as " ~/Pictures " (with its one photo), and the host. */
  async function library() {
    const pictures = path.join(home, 'Pictures');
    await photoAt(pictures, 'red.jpg', [220, 20, 20]);
    const opened = await openHost();
    expect(await jobFinished(opened.events, await opened.host.addFolder(' ~/Pictures '))).toMatchObject({ state: 'done' });
    expect((await opened.host.listFolders()).map((f) => f.path)).toEqual([pictures]);
    const [photo] = (await opened.host.timeline({ limit: 10 })).photos;
    return { ...opened, pictures, photo: photo! };
  }

  it('exports a selection and an album to "~/…", under the home folder', async () => {
    const { host, pictures, photo } = await library();
    expect(await host.exportPhotos([photo.id], ' ~/Exports/picked ')).toMatchObject({ dir: path.join(home, 'Exports', 'picked'), exported: 1, failed: [] });
    expect(fs.readlinkSync(path.join(home, 'Exports', 'picked', 'red.jpg'))).toBe(path.join(pictures, 'red.jpg'));

    await host.saveAlbum({ name: 'Reds', query: '' });
    await host.setAlbumMembership('Reds', photo.id, 'pinned');
    expect(await host.exportAlbum('Reds', '~/Exports/Reds ', true)).toMatchObject({ dir: path.join(home, 'Exports', 'Reds'), exported: 1, failed: [] });
    expect(fs.readdirSync(path.join(home, 'Exports', 'Reds'))).toEqual(['red.jpg']);
  });

  it('refuses an export to a relative path in one line, writing nothing in the working folder', async () => {
    const { host, photo } = await library();
    await host.saveAlbum({ name: 'Reds', query: '' });
    await host.setAlbumMembership('Reds', photo.id, 'pinned');
    const cwd = tempDir('shoebox-typed-cwd-');
    process.chdir(cwd);
    await expect(host.exportPhotos([photo.id], 'Exports')).rejects.toThrow(/^give the export folder's full path, e\.g\. \/home\/me\/Exports \(got "Exports"\)$/);
    await expect(host.exportAlbum('Reds', ' Exports ', true)).rejects.toThrow(/^give the export folder's full path, e\.g\. \/home\/me\/Exports\/Reds \(got " Exports "\)$/);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('imports from " ~/card " into a library folder', async () => {
    const { host, events, pictures } = await library();
    await photoAt(path.join(home, 'card', 'DCIM'), 'IMG_0001.JPG', [20, 200, 30]);
    const job = await jobFinished(events, await host.importPhotos(' ~/card ', pictures));
    expect(job).toMatchObject({ state: 'done', result: { added: 1 } });
    const copied = (fs.readdirSync(pictures, { recursive: true }) as string[]).filter((p) => p.endsWith('IMG_0001.JPG'));
    expect(copied).toHaveLength(1);
  });

  it('refuses an import from a relative path in one line, even one that exists in the working folder', async () => {
    const { host, pictures } = await library();
    const cwd = tempDir('shoebox-typed-cwd-');
    await photoAt(path.join(cwd, 'card'), 'IMG_0001.JPG', [20, 200, 30]);
    process.chdir(cwd);
    const jobs = (await host.jobs()).length;
    await expect(host.importPhotos('card', pictures)).rejects.toThrow(/^give the full path of the card or folder to import from, e\.g\. \/Volumes\/CARD \(got "card"\)$/);
    await expect(host.importPhotos(path.join(cwd, 'card'), path.relative(cwd, pictures))).rejects.toThrow(/^give the full path of the library folder to import into, e\.g\. \/home\/me\/Pictures \(got "[^"]*"\)$/);
    expect((await host.jobs()).length).toBe(jobs);
    expect(fs.readdirSync(pictures)).toEqual(['red.jpg']);
  });
});
