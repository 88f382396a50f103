// getPhoto answers from the library alone, never reading the photo's file: many callers only
// check that a photo is there or want its name (album pins, excluded photos, a URL's photo),
// and on a slow NAS each would wait on a read for nothing. How it was taken (exposure, lens)
// is photoShot's, read from the file when the viewer's details or `shoebox show` ask. The proof:
// the file reader (media/exposure.ts) watched, and a read of p000.jpg that never ends (a NAS
// gone quiet); getPhoto still answers at once and never asks it. (A FIFO does not hang exifr,
// which gives up on a file of size 0, and chmod 000 does not stop root.) Real LanceDB, tiny model.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import { photoId } from '../../src/core/index';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeDistinctPhotos } from '../helpers/images';
import { sharedAvailable, sharedPath } from '../helpers/shared-data';

/** The files readShotFacts was asked to read. */
const reads = vi.hoisted(() => [] as string[]);
vi.mock('../../src/core/media/exposure', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/media/exposure')>();
  return {
    ...real,
    readShotFacts: (file: string) => {
      reads.push(file);
      // p000.jpg's disk never answers.
      return path.basename(file) === 'p000.jpg' ? new Promise<never>(() => {}) : real.readShotFacts(file);
    },
  };
});

const CANON = ['photos', 'exif-samples', 'jpg', 'Canon_40D.jpg'];
const haveCanon = sharedAvailable(...CANON);

/** `promise`'s answer, or 'timed out' after `ms`. */
const within = <T>(promise: Promise<T>, ms: number) => Promise.race([promise, new Promise<'timed out'>((r) => setTimeout(() => r('timed out'), ms).unref())]);

describe('getPhoto and photoShot', () => {
  let home: string;
  let dir: string;
  let host: LibraryHost;
  const stuck = () => path.join(dir, 'p000.jpg');

  beforeAll(async () => {
    dir = tempDir('shoebox-photo-shot-');
    await writeDistinctPhotos(dir, 2, { width: 320, height: 240 }, '#336699');
    if (haveCanon) fs.copyFileSync(sharedPath(...CANON), path.join(dir, 'canon.jpg'));
    home = tempDir('shoebox-photo-shot-home-');
    host = await createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    await host.indexNow([dir]);
    expect((await host.listPhotos()).total).toBe(haveCanon ? 3 : 2);
  }, 120_000);

  beforeEach(() => {
    reads.length = 0;
  });

  afterAll(async () => {
    await host?.close();
  });

  it('getPhoto answers without reading the file, even one whose disk never answers', async () => {
    const details = await within(host.getPhoto(photoId(stuck())), 5000);
    expect(details).not.toBe('timed out');
    expect(details).toMatchObject({ path: stuck(), width: 320, height: 240 });
    expect(details).not.toHaveProperty('exposure');
    expect(details).not.toHaveProperty('lens');
    expect(reads).toEqual([]);
    // photoShot is the one that reads it (and waits on it).
    expect(await within(host.photoShot(photoId(stuck())), 200)).toBe('timed out');
    expect(reads).toEqual([stuck()]);
  });

  it('photoShot: null for no such photo, {} for a file without those tags', async () => {
    expect(await host.photoShot(Buffer.from('/nowhere/gone.jpg').toString('base64url'))).toBeNull();
    expect(await host.photoShot('not an id')).toBeNull();
    expect(await host.photoShot(photoId(path.join(dir, 'p001.jpg')))).toEqual({});
    expect(reads).toEqual([path.join(dir, 'p001.jpg')]);
  });

  it.runIf(haveCanon)("photoShot reads a camera photo's exposure from its file; getPhoto does not", async () => {
    const id = photoId(path.join(dir, 'canon.jpg'));
    expect(await host.photoShot(id)).toEqual({ exposure: { time: 1 / 160, fNumber: 7.1, iso: 100, focalLength: 135 } });
    const details = await host.getPhoto(id);
    expect(details).toMatchObject({ cameraMake: 'Canon', cameraModel: 'Canon EOS 40D' });
    expect(details).not.toHaveProperty('exposure');
    expect(reads).toEqual([path.join(dir, 'canon.jpg')]);
  });
});
