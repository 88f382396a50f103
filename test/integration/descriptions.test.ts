// Descriptions through LibraryApi, as the app uses them: a photo described in one write (every
// copy of it too), shown by getPhoto, found by the timeline's `described` filter by the start of
// its words (case and accents ignored) and not by other photos' words; a move, a re-index and a
// reopen keep it; blank text or null removes it; too long a text is refused in one line; the
// files are never touched. Real LanceDB, tiny model. (The CLI: test/cli/description-cli.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { Photo } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

describe('descriptions', () => {
  let home: string;
  let dir: string;
  let host: LibraryHost;

  const open = () => createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
  const all = async (): Promise<Photo[]> => (await host.timeline({ limit: 100 })).photos;
  const id = async (name: string) => (await all()).find((p) => path.relative(dir, p.path) === name)!.id;
  const description = async (name: string) => (await host.getPhoto(await id(name)))!.description;
  const described = async (text: string) => (await host.timeline({ limit: 100, described: text })).photos.map((p) => path.relative(dir, p.path)).sort();

  beforeAll(async () => {
    dir = tempDir('shoebox-descriptions-');
    await writeExifColourPhoto(dir, 'garden.jpg', [20, 200, 30], { taken: '2024:06:15 12:00:00' });
    await writeExifColourPhoto(dir, 'cake.jpg', [220, 20, 20], { taken: '2024:06:15 18:00:00' });
    fs.mkdirSync(path.join(dir, 'backup'));
    fs.copyFileSync(path.join(dir, 'cake.jpg'), path.join(dir, 'backup', 'cake.jpg'));
    home = tempDir('shoebox-descriptions-home-');
    host = await open();
    await host.indexNow([dir]);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('describes photos in one write: every copy has it, getPhoto shows it, the files are untouched', async () => {
    const before = fs.readFileSync(path.join(dir, 'cake.jpg'));
    expect(await host.setDescription([await id('cake.jpg')], "  Grandma's 80th birthday, the cake  ")).toEqual({ done: 1, missing: 0 });
    await host.setDescription([await id('garden.jpg')], 'Grandma in the garden at Città di Castello');
    expect(await description('cake.jpg')).toBe("Grandma's 80th birthday, the cake"); // trimmed
    expect(await description('backup/cake.jpg')).toBe("Grandma's 80th birthday, the cake"); // the same content
    expect(fs.readFileSync(path.join(dir, 'cake.jpg')).equals(before)).toBe(true);
  });

  it('finds photos by the start of their words, every word typed, case and accents ignored', async () => {
    expect(await described('grandma')).toEqual(['backup/cake.jpg', 'cake.jpg', 'garden.jpg']);
    expect(await described('GRANDMA birth')).toEqual(['backup/cake.jpg', 'cake.jpg']);
    expect(await described('citta castel')).toEqual(['garden.jpg']);
    expect(await described('grandpa')).toEqual([]);
    expect(await described('ake')).toEqual([]); // inside a word is not the start of one
    // No word to look for: a QueryError (the CLI's exit 2), in the words every front end says.
    await expect(host.timeline({ described: ' , ' })).rejects.toMatchObject({ name: 'QueryError', message: expect.stringMatching(/^give a word to look for/) });
  });

  it('keeps it through a move, a re-index and a reopen; blank text removes it; too long is refused', async () => {
    fs.renameSync(path.join(dir, 'garden.jpg'), path.join(dir, 'garden-2024.jpg'));
    const cake = path.join(dir, 'cake.jpg');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(cake, later, later);
    await host.indexNow([dir]);
    await host.close();
    host = await open();
    expect(await description('garden-2024.jpg')).toBe('Grandma in the garden at Città di Castello');
    expect(await description('cake.jpg')).toBe("Grandma's 80th birthday, the cake");
    await expect(host.setDescription([await id('cake.jpg')], 'x'.repeat(2001))).rejects.toThrow(/^a description is at most 2000 characters \(this one has 2001\)$/);
    expect(await description('cake.jpg')).toBe("Grandma's 80th birthday, the cake");
    await host.setDescription([await id('cake.jpg')], '   ');
    expect(await description('backup/cake.jpg')).toBeUndefined();
    await host.setDescription([await id('garden-2024.jpg')], null);
    expect(await described('grandma')).toEqual([]);
  });
});
