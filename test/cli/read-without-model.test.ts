// A device without a model (a second laptop opening the family's library, before or instead
// of a 600 MB download) still reads the library from the CLI: status, list, places, folders
// and favourites. Whatever embeds or writes fails as before, in one line, and changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;

/** With no --model-dir and nothing installed in the home: no model on this device. */
const withoutModel = (...args: string[]): Promise<CliResult> => shoebox(['--home', home, ...args]);

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-nomodel-');
  await writeExifColourPhoto(photos, 'arezzo.jpg', [220, 20, 20], { taken: '2021:06:15 10:00:00', gps: { lat: 43.4682, lon: 11.8802 } });
  await writeColourPhoto(photos, 'blue.jpg', [20, 30, 220]);
  await writeColourPhoto(photos, 'broken.jpg', [0, 0, 0]);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path.join(photos, 'broken.jpg'), 'not a jpeg');
  const index = await shoebox(['--home', home, 'index', ...MODEL, '--json', photos]);
  expect(index.code, index.stderr).toBe(0);
  const favourite = await shoebox(['--home', home, 'favourites', 'add', ...MODEL, path.join(photos, 'arezzo.jpg')]);
  expect(favourite.code, favourite.stderr).toBe(0);
});

describe('reading a library on a device without a model', () => {
  it('status counts the photos and says what a model would add', async () => {
    const res = await withoutModel('status', '--json');
    expect(res.code, res.stderr).toBe(0);
    const status = JSON.parse(res.stdout) as { photos: number; failed: unknown[]; pending: number | null; model: string | null };
    expect(status).toMatchObject({ photos: 2, pending: null, model: null, embeddedWith: [{ model: TINY_IMMICH, photos: 2, inCatalog: false }] });
    expect(status.failed).toHaveLength(1);
    // Which model the photos need, and how to bring a folder given by --model-dir (not kept).
    const text = await withoutModel('status');
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([
      `2 photos, 1 failed; embedded with ${TINY_IMMICH}, which is not installed on this device, so it can list the library but not search or index it`,
      '  To search here: pass --model-dir DIR, the model\'s folder as when indexing, or keep it: shoebox models import DIR',
    ]);
  });

  it('status with the photos\' model installed but none in use says to use it', async () => {
    const device = tempDir();
    expect((await shoebox(['--home', device, 'models', 'import', fixtureModelDir(TINY_IMMICH), '--id', TINY_IMMICH])).code).toBe(0);
    // No model chosen (the settings lost, or the one in use removed).
    fs.writeFileSync(path.join(device, 'settings.json'), '{}');
    const text = await shoebox(['--home', device, '--library', path.join(home, 'library'), 'status']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([
      `2 photos, 1 failed; embedded with ${TINY_IMMICH}, installed here but not in use, so it can list the library but not search or index it`,
      `  To search here: shoebox models use ${TINY_IMMICH}`,
    ]);
  });

  it('status of a library with no photos embedded yet says how to get a model', async () => {
    const empty = await withoutModel('--library', tempDir('shoebox-cli-nomodel-empty-'), 'status');
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout.split('\n')[0]).toBe('0 photos, 0 failed; no model on this device, so it can list the library but not search or index it');
    expect(empty.stdout).toMatch(/shoebox models install/);
  });

  it('lists photos, places, folders and favourites', async () => {
    const list = await withoutModel('list', '--json');
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { path: string; place: string | null }[]).map((p) => [path.basename(p.path), p.place])).toEqual([
      ['arezzo.jpg', 'Arezzo, Italy'],
      ['blue.jpg', null],
    ]);
    expect((await withoutModel('places')).stdout).toBe('Italy\t1 photo\n  Arezzo\t1 photo\n');
    expect((await withoutModel('folders', 'list')).stdout.trim()).toBe(photos);
    expect((await withoutModel('favourites', 'list')).stdout.trim()).toBe(path.join(photos, 'arezzo.jpg'));
  });

  it("maps a library folder to this device's path, and forgets it, with no model (the mapping is this device's own file)", async () => {
    const here = tempDir('shoebox-cli-nomodel-here-');
    fs.cpSync(photos, here, { recursive: true, preserveTimestamps: true }); // this device's copy of the folder
    const mapped = await withoutModel('folders', 'map', photos, here);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.stdout.trim()).toBe(`${photos} is ${here} on this device (2 photos)`); // the library's rows of that folder
    const unmapped = await withoutModel('folders', 'unmap', photos);
    expect(unmapped.code, unmapped.stderr).toBe(0);
    expect((await withoutModel('folders', 'list')).stdout.trim()).toBe(photos);
  });

  it('refuses to search, index or write in one line, and changes nothing', async () => {
    // `settings` opens for reading; turning a setting on is a write the library refuses.
    for (const args of [['search', 'red'], ['index', photos], ['favourites', 'add', path.join(photos, 'blue.jpg')], ['folders', 'remove', photos], ['settings', 'text-in-photos', 'on']]) {
      const res = await withoutModel(...args);
      expect(res.code, args.join(' ')).toBe(1);
      expect(res.stderr.trim().split('\n'), args.join(' ')).toEqual([expect.stringMatching(/^shoebox: no model: /)]);
    }
    // Where the library could be read, the advice is its own model's (the core's offer, as
    // `status` says it), not the catalog's default, which would embed every photo again.
    expect((await withoutModel('search', 'red')).stderr).toBe(`shoebox: no model: this library's photos are embedded with ${TINY_IMMICH}, which is not in the catalog: bring its folder with shoebox models import DIR, or pass --model-dir DIR\n`);
    // The failed photo is still recorded once, the photos and the favourite are still there.
    const status = JSON.parse((await shoebox(['--home', home, 'status', ...MODEL, '--json'])).stdout) as { photos: number; failed: unknown[]; pending: number };
    expect(status).toMatchObject({ photos: 2, pending: 0 });
    expect(status.failed).toHaveLength(1);
    expect((await withoutModel('favourites', 'list')).stdout.trim()).toBe(path.join(photos, 'arezzo.jpg'));
    expect((await withoutModel('settings')).stdout).toMatch(/^text-in-photos: off/);
  });

  it('a model asked for by name that is not installed is still an error', async () => {
    const res = await withoutModel('status', '--model', 'vit-b-32-laion2b');
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe('shoebox: model vit-b-32-laion2b is not installed (shoebox models install vit-b-32-laion2b)');
  });
});
