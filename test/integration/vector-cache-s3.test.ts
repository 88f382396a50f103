// The vector cache on a real S3 library (Ceph's RADOS Gateway, issue #13 item 5): a device's
// cached searches answer as LanceDB's exact search over S3 does and follow another device's
// commits; and a home searching an s3:// library keeps its cache in <home>/cache/vectors/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveLibraryLocation } from '../../src/core/location/library-location';
import { openLibraryStore } from '../../src/core/store';
import { shoebox } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { awsEnv, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Prefix } from '../helpers/s3-gateway';
import { MODEL, compare, compareRows, randomUnit, row } from '../helpers/vector-cache-scenario';

const s3 = await s3Gateway();
afterAll(async () => {
  if (s3) await removeTestPrefixes(s3);
});

describe.skipIf(!s3)('vector cache on S3', () => {
  it('answers as LanceDB does over S3 and follows another device, across a restart', { timeout: 240_000 }, async () => {
    const location = await resolveLibraryLocation(s3LibraryUri(s3!, s3Prefix('vector-cache')), { defaultDir: '/nonexistent', env: awsEnv(s3!) });
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-vcache-'));
    const writer = await openLibraryStore(location, { model: MODEL });
    const reader = (cache: boolean) => openLibraryStore(location, { model: { ...MODEL, dimension: 0 }, readOnly: true, ...(cache ? { vectorCache: { dir: cacheDir, recheckMs: 0 } } : {}) });
    try {
      await writer.upsertPhotos(Array.from({ length: 200 }, (_, i) => row(i)));
      const device = await reader(true);
      const lance = await reader(false);
      await compare(device, lance, 1);
      await compareRows(device, lance);
      // Another device appends, replaces and deletes; then compacts.
      await writer.upsertPhotos(Array.from({ length: 40 }, (_, i) => row(200 + i)));
      await writer.upsertPhotos([0, 7].map((i) => ({ ...row(i), vector: randomUnit(), size: 1, thumbKey: `new/${i}.webp`, cameraMake: 'Fujifilm' })));
      await writer.removePhotos(['/lib/a/3.jpg', '/lib/b/4.jpg']);
      await compare(device, lance, 1);
      await compareRows(device, lance);
      await writer.optimize();
      await compare(device, lance, 1);
      await compareRows(device, lance);
      // A restart reads the file, then what changed since.
      await device.close();
      await writer.upsertPhotos([row(300)]);
      const restarted = await reader(true);
      await compare(restarted, lance, 1);
      await compareRows(restarted, lance);
      expect(await restarted.countPhotos()).toBe(239);
      await restarted.close();
      await lance.close();
    } finally {
      await writer.close();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it("a home searching an s3:// library answers from its own cache and sees another home's new photos", { timeout: 240_000 }, async () => {
    const uri = s3LibraryUri(s3!, s3Prefix('vector-cache-cli'));
    const env = awsEnv(s3!);
    const model = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
    const [homeA, homeB] = [tempDir('shoebox-s3-home-'), tempDir('shoebox-s3-home-')];
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const cli = (home: string, args: string[]) => shoebox(['--home', home, '--library', uri, '--provider', 'cpu', ...args], env);
    expect((await cli(homeA, ['index', ...model, photos])).code).toBe(0);

    const search = async (home: string) => {
      const res = await cli(home, ['search', ...model, '--all', '--json', 'yellow']);
      expect(res.code, res.stderr).toBe(0);
      return JSON.parse(res.stdout) as { path: string; score: number }[];
    };
    const fromA = await search(homeA);
    const fromB = await search(homeB);
    expect(fromB).toEqual(fromA);
    expect(fromB).toHaveLength(4);
    const cacheFiles = fs.readdirSync(path.join(homeB, 'cache', 'vectors'), { recursive: true }).map(String).filter((f) => f.endsWith('.vectors'));
    expect(cacheFiles).toHaveLength(1);

    await writeColourPhoto(photos, 'teal.jpg', [20, 160, 160]);
    expect((await cli(homeA, ['index', ...model])).code).toBe(0);
    const again = await search(homeB);
    expect(again.map((h) => h.path)).toContain(path.join(photos, 'teal.jpg'));
    expect(again).toEqual(await search(homeA));
  });
});
