// The desktop app's "copy this library there" (Settings → Library → the engine's
// copyLibraryNow): the target's keys are the ones the app keeps (handed in, not found in the
// environment), the copy is a job whose progress the job list shows, and a refused key fails
// in one line without the secret. Real LanceDB, the tiny model, Ceph's RADOS Gateway.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { JobState, LibraryEvent } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { removeTestPrefixes, s3Gateway, s3LibraryUri, s3Prefix } from '../helpers/s3-gateway';

const s3 = await s3Gateway();

describe.skipIf(!s3)('copying the open library for the app', () => {
  let host: LibraryHost;
  const events: LibraryEvent[] = [];
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    // Only the keys handed in may reach the gateway: none in the environment or ~/.aws.
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_ENDPOINT_URL', 'AWS_PROFILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE']) saved[name] = process.env[name];
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_ENDPOINT_URL', 'AWS_PROFILE']) delete process.env[name];
    const nowhere = path.join(tempDir('shoebox-copy-app-aws-'), 'none');
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = nowhere;
    process.env['AWS_CONFIG_FILE'] = nowhere;
    const photos = tempDir('shoebox-copy-app-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    host = await createLibraryApi({ home: tempDir('shoebox-copy-app-home-'), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    host.subscribe((event) => events.push(event));
    expect(await jobFinished(events, await host.addFolder(photos))).toMatchObject({ state: 'done' });
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (s3) await removeTestPrefixes(s3);
  });

  it('copies to a bucket with the keys handed in, as a job with progress, and the copy opens whole', async () => {
    const uri = s3LibraryUri(s3!, s3Prefix('copy-app'));
    const credentials = { accessKeyId: s3!.accessKey, secretAccessKey: s3!.secretKey };
    const overrides = { endpoint: s3!.endpoint, region: s3!.region, credentials };
    const report = await host.copyLibraryNow(uri, { s3: overrides });
    const photos = Object.keys(COLOURS).length;
    expect(report.tables.find((t) => t.name.startsWith('photos__'))?.rows).toBe(photos);

    const jobs = events.filter((e): e is { type: 'job'; job: JobState } => e.type === 'job' && e.job.kind === 'copy-library').map((e) => e.job);
    expect(jobs.at(-1)).toMatchObject({ state: 'done', folder: uri });
    const progress = jobs.map((j) => j.progress).filter((p) => p !== null);
    expect(progress.at(-1)).toMatchObject({ done: report.files, total: report.files });

    // Another device with the same keys opens it: the same photos, nothing to embed.
    const device = await createLibraryApi({ home: tempDir('shoebox-copy-app-device-'), library: uri, s3: overrides, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    try {
      expect((await device.timeline({ limit: 100 })).photos).toHaveLength(photos);
    } finally {
      await device.close();
    }
  }, 120_000);

  it('fails in one line, without the secret, when the bucket refuses the keys', async () => {
    const uri = s3LibraryUri(s3!, s3Prefix('copy-app-refused'));
    const wrong = { accessKeyId: s3!.accessKey, secretAccessKey: 'not-the-secret-at-all-0123456789' };
    const error = await host.copyLibraryNow(uri, { s3: { endpoint: s3!.endpoint, region: s3!.region, credentials: wrong } }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message.split('\n')).toHaveLength(1);
    expect(error?.message).toContain(uri);
    expect(error?.message).not.toContain(wrong.secretAccessKey);
  }, 60_000);
});
