// `shoebox repair` on an S3 library (a table damaged on the shared prefix): status names the
// damage and the remedy, repair takes the table back to its last readable version through
// LanceDB (as on disk), keeping a copy of every object of the damaged table under
// `.damaged/<time>/` first, and the library reads whole again.
import { afterAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { runShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { awsEnv, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Objects, s3Prefix } from '../helpers/s3-gateway';
import { photosTableName } from '../../src/core/store';

const s3 = await s3Gateway();
const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const TABLE = photosTableName(TINY_IMMICH);
afterAll(async () => {
  if (s3) await removeTestPrefixes(s3);
});

describe.skipIf(!s3)('shoebox repair on an S3 library', () => {
  it('brings a table with a missing data file back, keeping its objects under .damaged/', async () => {
    const prefix = s3Prefix('repair');
    const library = s3LibraryUri(s3!, prefix);
    const env = awsEnv(s3!);
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    const run = (args: string[]) => runShoebox(['--home', home, '--library', library, ...args, ...MODEL], env);
    const [first, second] = [Object.entries(COLOURS).slice(0, 2), Object.entries(COLOURS).slice(2)];
    for (const [name, rgb] of first) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    expect((await run(['index', photos])).code).toBe(0);
    const before = new Set([...(await s3Objects(s3!, prefix)).keys()].filter((k) => k.startsWith(`${TABLE}.lance/data/`)));
    for (const [name, rgb] of second) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    expect((await run(['index', photos])).code).toBe(0);
    const fresh = [...(await s3Objects(s3!, prefix)).keys()].filter((k) => k.startsWith(`${TABLE}.lance/data/`) && !before.has(k));
    expect(fresh.length).toBeGreaterThan(0);
    const client = new S3Client({ region: s3!.region, endpoint: s3!.endpoint, forcePathStyle: true, credentials: { accessKeyId: s3!.accessKey, secretAccessKey: s3!.secretKey } });
    for (const key of fresh) await client.send(new DeleteObjectCommand({ Bucket: s3!.bucket, Key: `${prefix}/${key}` }));
    client.destroy();

    const status = await run(['status']);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain(`library damaged: ${TABLE} cannot be read`);

    const repair = await run(['repair', '--json']);
    expect(repair.code, repair.stderr).toBe(0);
    const report = JSON.parse(repair.stdout) as { repaired: number; tables: { table: string; state: string }[]; movedAside: string | null };
    expect(report.repaired).toBe(1);
    expect(report.tables.find((t) => t.table === TABLE)).toMatchObject({ state: 'restored' });
    expect(report.movedAside).toMatch(new RegExp(`^${library}/\\.damaged/[^/]+$`));
    const objects = [...(await s3Objects(s3!, prefix)).keys()];
    const kept = report.movedAside!.slice(library.length + 1);
    expect(objects.some((k) => k.startsWith(`${kept}/${TABLE}.lance/_versions/`))).toBe(true);

    const after = await run(['status', '--json']);
    expect(after.code, after.stderr).toBe(0);
    expect((await run(['index', '--json', photos])).code).toBe(0);
    expect(JSON.parse((await run(['status', '--json'])).stdout)).toMatchObject({ photos: Object.keys(COLOURS).length, pending: 0 });
  }, 600_000);
});
