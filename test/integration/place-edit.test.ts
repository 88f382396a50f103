// Place set by hand through LibraryApi, as the app uses it: a scan with no position takes a
// town chosen from findPlaces (every copy of it too) and shows under Places, the place views and
// the "location recorded" filter; a photo with a wrong GPS position moves to another town;
// a re-index of the changed file and a reopen keep the place; a place removed by hand (a GPS
// glitch) is gone from every view until restored, also in a library whose edits table an older
// version made; a restore puts each file's own position (or none) back; a crash between keeping the edit and rewriting the rows is repaired
// by the next index run; the files are never touched. Real LanceDB, tiny model.
// (The CLI: test/cli/place-cli.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { connect } from '@lancedb/lancedb';
import { Field, Float64, Schema, Utf8 } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent, Photo } from '../../src/shared/api';
import { isPhotosTable } from '../../src/core/store/model-key';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const GONE = Buffer.from('/nowhere/gone.jpg').toString('base64url');
/** Arezzo, as a phone in Tuscany records it. */
const AREZZO = { lat: 43.4633, lon: 11.8797 };

describe('place set by hand', () => {
  let home: string;
  let dir: string;
  let host: LibraryHost;
  const events: LibraryEvent[] = [];

  const open = async () => {
    const api = await createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    api.subscribe((e) => events.push(e));
    return api;
  };
  const all = async (): Promise<Photo[]> => (await host.timeline({ limit: 100 })).photos;
  const byName = async (name: string) => (await all()).find((p) => path.relative(dir, p.path) === name)!;
  const details = async (name: string) => (await host.getPhoto((await byName(name)).id))!;
  const placeOf = async (name: string) => {
    const photo = await details(name);
    return photo.place ? `${photo.place.city}, ${photo.place.country}` : photo.gpsLat === null ? null : 'far from any town';
  };
  const towns = async () => (await host.places()).countries.flatMap((c) => c.towns.map((t) => `${t.place}: ${t.count}`)).sort();
  const inPlace = async (place: string) => (await host.timeline({ limit: 100, place })).photos.map((p) => path.relative(dir, p.path)).sort();

  beforeAll(async () => {
    dir = tempDir('shoebox-place-edit-');
    await writeExifColourPhoto(dir, 'phone.jpg', [220, 20, 20], { taken: '2024:03:07 18:00:00', gps: AREZZO });
    await writeExifColourPhoto(dir, 'scan.jpg', [20, 25, 140]); // no position, as a scan
    fs.mkdirSync(path.join(dir, 'backup'));
    fs.copyFileSync(path.join(dir, 'scan.jpg'), path.join(dir, 'backup', 'scan.jpg'));
    home = tempDir('shoebox-place-edit-home-');
    host = await open();
    await host.indexNow([dir]);
    expect(await towns()).toEqual(['Arezzo, Italy: 1']);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('finds towns as typed: exact names first, then the most populous, a country after a comma, a position', async () => {
    expect((await host.findPlaces('florence'))[0]!.label).toBe('Florence, Italy');
    expect((await host.findPlaces('reykjavik, ice')).map((c) => c.label)).toEqual(['Reykjavík, Iceland']);
    const inSpain = (await host.findPlaces('Madrid, ES', 3)).map((c) => c.label);
    expect(inSpain[0]).toBe('Madrid, Spain');
    expect(inSpain.every((l) => l.startsWith('Madrid') && l.includes(', Spain'))).toBe(true); // Madridejos too, a prefix
    // Towns of one name in one country are told apart by their position.
    const springfields = (await host.findPlaces('Springfield, United States', 3)).map((c) => c.label);
    expect(springfields).toHaveLength(3);
    expect(new Set(springfields).size).toBe(3);
    expect(await host.findPlaces('43.4633, 11.8797')).toEqual([{ label: 'Arezzo, Italy', lat: 43.4633, lon: 11.8797 }]);
    expect(await host.findPlaces('Nowhereville-on-Sea')).toEqual([]);
  });

  it("sets a scan's place in one write: every copy takes it, Places and the place views show it, the file is untouched", async () => {
    const before = fs.readFileSync(path.join(dir, 'scan.jpg'));
    const [florence] = await host.findPlaces('Florence, Italy');
    events.length = 0;
    expect(await host.setPlace([(await byName('scan.jpg')).id, GONE], { lat: florence!.lat, lon: florence!.lon })).toEqual({ done: 1, missing: 1, undo: expect.any(Number) });
    expect(events.some((e) => e.type === 'photos-changed')).toBe(true);
    expect(await placeOf('scan.jpg')).toBe('Florence, Italy');
    expect(await placeOf('backup/scan.jpg')).toBe('Florence, Italy'); // the same content
    expect((await details('scan.jpg')).placeEdited).toEqual({ fileGpsLat: null, fileGpsLon: null });
    expect(await towns()).toEqual(['Arezzo, Italy: 1', 'Florence, Italy: 2']);
    expect(await inPlace('Florence')).toEqual(['backup/scan.jpg', 'scan.jpg']);
    expect(await inPlace('Italy')).toEqual(['backup/scan.jpg', 'phone.jpg', 'scan.jpg']);
    // The search filters read the rows' positions too.
    const located = await host.search('a blue photo', { all: true, filters: { hasGps: true } });
    expect(located.photos.map((p) => path.relative(dir, p.path)).sort()).toEqual(['backup/scan.jpg', 'phone.jpg', 'scan.jpg']);
    expect(fs.readFileSync(path.join(dir, 'scan.jpg')).equals(before)).toBe(true);
  });

  it('moves a photo with a wrong position, keeps it through a re-index and a reopen, and a restore puts the files\' own back', async () => {
    await host.setPlace([(await byName('phone.jpg')).id], { lat: 40.4165, lon: -3.70256 });
    expect(await placeOf('phone.jpg')).toBe('Madrid, Spain');
    expect((await details('phone.jpg')).placeEdited).toEqual({ fileGpsLat: expect.closeTo(AREZZO.lat, 4), fileGpsLon: expect.closeTo(AREZZO.lon, 4) });
    const phone = path.join(dir, 'phone.jpg');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(phone, later, later); // indexed again: a new row, the user's place
    expect((await host.indexNow([dir])).updated).toBe(1);
    expect(await placeOf('phone.jpg')).toBe('Madrid, Spain');
    await host.close();
    host = await open();
    expect(await placeOf('phone.jpg')).toBe('Madrid, Spain');
    expect(await host.setPlace([(await byName('phone.jpg')).id, (await byName('scan.jpg')).id], null)).toEqual({ done: 2, missing: 0, undo: expect.any(Number) });
    expect(await placeOf('phone.jpg')).toBe('Arezzo, Italy');
    expect(await placeOf('scan.jpg')).toBeNull();
    expect(await placeOf('backup/scan.jpg')).toBeNull();
    expect((await details('phone.jpg')).placeEdited).toBeUndefined();
    expect(await towns()).toEqual(['Arezzo, Italy: 1']);
  });

  it('removes a place (a GPS glitch): gone from Places, the place views and the "location recorded" filter, through a re-index and a reopen, until restored', async () => {
    const phone = path.join(dir, 'phone.jpg');
    const before = fs.readFileSync(phone);
    expect(await host.setPlace([(await byName('phone.jpg')).id, (await byName('scan.jpg')).id], 'none')).toEqual({ done: 2, missing: 0, undo: expect.any(Number) });
    expect(await placeOf('phone.jpg')).toBeNull();
    expect((await details('phone.jpg')).placeEdited).toEqual({ fileGpsLat: expect.closeTo(AREZZO.lat, 4), fileGpsLon: expect.closeTo(AREZZO.lon, 4) });
    // The scan had no place: nothing to remove, so nothing says "removed by hand".
    expect((await details('scan.jpg')).placeEdited).toBeUndefined();
    expect(await towns()).toEqual([]);
    expect(await inPlace('Arezzo')).toEqual([]);
    const located = await host.search('a red photo', { all: true, filters: { hasGps: true } });
    expect(located.photos.map((p) => path.relative(dir, p.path))).toEqual([]);
    const later = new Date(Date.now() + 120_000);
    fs.utimesSync(phone, later, later);
    expect((await host.indexNow([dir])).updated).toBe(1);
    expect(await placeOf('phone.jpg')).toBeNull();
    await host.close();
    host = await open();
    expect(await placeOf('phone.jpg')).toBeNull();
    expect(fs.readFileSync(phone).equals(before)).toBe(true);
    expect(await host.setPlace([(await byName('phone.jpg')).id], null)).toEqual({ done: 1, missing: 0, undo: expect.any(Number) });
    expect(await placeOf('phone.jpg')).toBe('Arezzo, Italy');
  });

  it('removes a place in a library whose place edits were kept before places could be removed (the table is widened, its edits kept)', async () => {
    await host.setPlace([(await byName('scan.jpg')).id], { lat: 40.4165, lon: -3.70256 });
    await host.close();
    // The table as an older Shoebox made it: positions not nullable.
    const db = await connect(path.join(home, 'library'));
    const rows = await (await db.openTable('place_edits')).query().toArray();
    const old = new Schema([new Field('hash', new Utf8(), false), ...['gpsLat', 'gpsLon'].map((n) => new Field(n, new Float64(), false)), ...['fileGpsLat', 'fileGpsLon'].map((n) => new Field(n, new Float64(), true)), new Field('editedAt', new Float64(), false)]);
    await db.dropTable('place_edits');
    await db.createTable('place_edits', rows, { schema: old });
    expect((await (await db.openTable('place_edits')).schema()).fields.find((f) => f.name === 'gpsLat')!.nullable).toBe(false);
    db.close();
    host = await open();
    expect(await placeOf('scan.jpg')).toBe('Madrid, Spain');
    expect(await host.setPlace([(await byName('phone.jpg')).id], 'none')).toEqual({ done: 1, missing: 0, undo: expect.any(Number) });
    expect(await placeOf('phone.jpg')).toBeNull();
    expect(await placeOf('scan.jpg')).toBe('Madrid, Spain');
    expect(await host.setPlace([(await byName('phone.jpg')).id, (await byName('scan.jpg')).id], null)).toEqual({ done: 2, missing: 0, undo: expect.any(Number) });
    expect(await placeOf('phone.jpg')).toBe('Arezzo, Italy');
    expect(await placeOf('scan.jpg')).toBeNull();
  });

  it('refuses a position off the globe in one line, and changes nothing', async () => {
    await expect(host.setPlace([(await byName('phone.jpg')).id], { lat: 91, lon: 0 })).rejects.toThrow(/^not a position: 91, 0$/);
    expect(await placeOf('phone.jpg')).toBe('Arezzo, Italy');
  });

  it('a crash after keeping an edit, before its rows took it: the next index run puts the place on them', async () => {
    await host.setPlace([(await byName('scan.jpg')).id], { lat: 64.13548, lon: -21.89541 });
    await host.close();
    const db = await connect(path.join(home, 'library'));
    for (const name of (await db.tableNames()).filter(isPhotosTable)) {
      const where = `path = '${path.join(dir, 'scan.jpg')}' OR path = '${path.join(dir, 'backup', 'scan.jpg')}'`;
      await (await db.openTable(name)).update({ where, valuesSql: { gpsLat: 'NULL', gpsLon: 'NULL' } });
    }
    db.close();
    host = await open();
    expect(await placeOf('scan.jpg')).toBeNull(); // the crash's state, as found
    events.length = 0;
    await host.indexNow([dir]);
    expect(await placeOf('scan.jpg')).toBe('Reykjavík, Iceland');
    expect(await placeOf('backup/scan.jpg')).toBe('Reykjavík, Iceland');
    expect(events.some((e) => e.type === 'photos-changed')).toBe(true);
  });
});
