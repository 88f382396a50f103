// A library deleted and made again at the same s3:// address (issue E11 item 1): a device's
// vector cache of the old library, at the same table version as the new one, must not answer
// for it. The cache checks that its rows are the table's (a few rows, and the count) before
// trusting a file read from disk, so the new library's photos are what a search finds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveLibraryLocation } from '../../src/core/location/library-location';
import { openLibraryStore } from '../../src/core/store';
import { removeTestPrefixes, awsEnv, s3Gateway, s3LibraryUri, s3Prefix, type S3Settings } from '../helpers/s3-gateway';
import { MODEL, randomUnit, row } from '../helpers/vector-cache-scenario';

const s3 = await s3Gateway();
afterAll(async () => {
  if (s3) await removeTestPrefixes(s3);
});

async function deletePrefix(s3: S3Settings, prefix: string): Promise<void> {
  const client = new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey } });
  try {
    for (;;) {
      const page = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${prefix}/`, MaxKeys: 1000 }));
      const keys = (page.Contents ?? []).map((o) => ({ Key: o.Key! }));
      if (keys.length === 0) return;
      await client.send(new DeleteObjectsCommand({ Bucket: s3.bucket, Delete: { Objects: keys, Quiet: true } }));
    }
  } finally {
    client.destroy();
  }
}

describe.skipIf(!s3)('vector cache of a library made again at the same address', () => {
  it('answers for the new library, not from the old one cached at the same version', { timeout: 240_000 }, async () => {
    const prefix = s3Prefix('vector-cache-recreated');
    const location = await resolveLibraryLocation(s3LibraryUri(s3!, prefix), { defaultDir: '/nonexistent', env: awsEnv(s3!) });
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-vcache-'));
    const reader = (cache: boolean) => openLibraryStore(location, { model: { ...MODEL, dimension: 0 }, readOnly: true, ...(cache ? { vectorCache: { dir: cacheDir, recheckMs: 0 } } : {}) });
    // The same commits each time: the photos table reaches the same version in both libraries.
    const make = async (paths: (i: number) => string) => {
      const writer = await openLibraryStore(location, { model: MODEL });
      try {
        await writer.upsertPhotos(Array.from({ length: 10 }, (_, i) => ({ ...row(i), path: paths(i), vector: randomUnit(), indexedAt: Date.now() })));
      } finally {
        await writer.close();
      }
    };
    const query = { vector: randomUnit(), limit: 100 };
    try {
      await make((i) => `/old/${i}.jpg`);
      const device = await reader(true);
      expect((await device.searchVectors(query)).map((h) => h.path).every((p) => p.startsWith("/old/"))).toBe(true);
      await device.close(); // the cache file is written

      await deletePrefix(s3!, prefix);
      await make((i) => `/new/${i}.jpg`);

      const exact = await reader(false);
      const restarted = await reader(true);
      try {
        const want = (await exact.searchVectors({ ...query, exact: true })).map((h) => h.path);
        expect(want.every((p) => p.startsWith('/new/'))).toBe(true);
        expect((await restarted.searchVectors(query)).map((h) => h.path)).toEqual(want);
        expect(await restarted.countPhotos()).toBe(10);
      } finally {
        await restarted.close();
        await exact.close();
      }
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
