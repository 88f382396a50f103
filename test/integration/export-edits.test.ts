// Exporting photos whose date or place the user edited, as the app and the CLI do it: the copies
// say the dates and places Shoebox shows, a place removed by hand is in no copy, the originals
// are untouched, and both front ends say it in the same words. Real LanceDB, tiny model, the real bin.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { exportResultText } from '../../src/renderer/lib/export-result';
import { shoebox } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { useApiHosts } from '../helpers/api-host';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { tempDir } from '../helpers/images';

const AREZZO = { lat: 43.46708, lon: 11.88454 };
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const gpsOf = async (file: string) => (await exifr.gps(file).catch(() => undefined)) ?? null;
const taken = async (file: string) => ((await exifr.parse(file, ['DateTimeOriginal'])) as { DateTimeOriginal?: Date } | undefined)?.DateTimeOriginal?.toISOString();

describe('exporting photos whose date or place was edited', () => {
  const openHost = useApiHosts();

  it('through the app: the copies carry the edits, a removed place is in none, and the line says so', async () => {
    const dir = tempDir('shoebox-export-edits-');
    const removed = await writeExifColourPhoto(dir, 'DSCN0021.jpg', [200, 60, 40], { taken: '2008:10:22 16:38:20', gps: AREZZO });
    const shifted = await writeExifColourPhoto(dir, 'DSCN0012.jpg', [40, 60, 200], { taken: '2008:10:22 16:29:49', gps: AREZZO });
    const set = await writeExifColourPhoto(dir, 'Canon_40D.jpg', [40, 200, 60], { taken: '2008:05:30 15:56:01' });
    const before = [removed, shifted, set].map(sha256);
    const { host } = await openHost();
    await host.indexNow([dir]);
    const photos = (await host.timeline({ limit: 10 })).photos;
    const id = (file: string) => photos.find((p) => p.path === file)!.id;
    await host.setPlace([id(removed)], 'none');
    await host.shiftTakenAt([id(shifted)], 2 * 3600);
    await host.setTakenAt([id(set)], '2021-06-15T10:30');
    await host.setPlace([id(set)], { lat: 43.7696, lon: 11.2558 });

    const out = path.join(tempDir('shoebox-export-edits-out-'), 'copies');
    const report = await host.exportPhotos([removed, shifted, set].map(id), out, true);
    expect(report).toMatchObject({ exported: 3, edited: 3, failed: [] });
    expect(await gpsOf(path.join(out, 'DSCN0021.jpg'))).toBeNull();
    expect(await taken(path.join(out, 'DSCN0012.jpg'))).toBe('2008-10-22T18:29:49.000Z');
    expect(await taken(path.join(out, 'Canon_40D.jpg'))).toBe('2021-06-15T10:30:00.000Z');
    expect((await gpsOf(path.join(out, 'Canon_40D.jpg')))?.latitude).toBeCloseTo(43.7696, 4);
    expect([removed, shifted, set].map(sha256)).toEqual(before);
    expect(exportResultText(report, true)).toBe(`Exported 3 photos to ${out}. 3 copied with the date or place set in Shoebox, as Shoebox shows them.`);
  }, 120_000);

  it('from the CLI: `albums export --copy` writes the place removed nowhere and says what the copies carry', async () => {
    const dir = tempDir('shoebox-export-edits-cli-');
    const photo = await writeExifColourPhoto(dir, 'DSCN0021.jpg', [200, 60, 40], { taken: '2008:10:22 16:38:20', gps: AREZZO });
    const home = tempDir();
    const model = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...model, dir)).code).toBe(0);
    const removedPlace = await run('place', 'remove', ...model, photo);
    expect(removedPlace.code, removedPlace.stderr).toBe(0);
    expect((await run('albums', 'create', ...model, 'Trip', photo)).code).toBe(0);
    const out = path.join(tempDir(), 'out');
    const copied = await run('albums', 'export', ...model, '--copy', 'Trip', out);
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toBe(`1 exported, 0 already there, 0 failed -> ${out} (1 copied with the date or place set in Shoebox, as Shoebox shows them)\n`);
    expect(await gpsOf(path.join(out, 'DSCN0021.jpg'))).toBeNull();
    expect(await gpsOf(photo)).not.toBeNull();
  }, 120_000);
});
