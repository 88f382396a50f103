// `shoebox repair` on an S3 library (a table damaged on the shared prefix): status names the
// damage and the remedy, repair takes the table back to its last readable version through
// LanceDB (as on disk), keeping a copy of every object of the damaged table under
// `.damaged/<time>/` first, and the library reads whole again.
import { afterAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { runShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { awsEnv, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Objects, s3Prefix, type S3Settings } from '../helpers/s3-gateway';
import { photosTableName } from '../../src/core/store';
import { manifestVersion } from '../../src/core/store/repair';

const s3 = await s3Gateway();
const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const TABLE = photosTableName(TINY_IMMICH);
const clientFor = (gw: S3Settings) =>
  new S3Client({ region: gw.region, endpoint: gw.endpoint, forcePathStyle: true, credentials: { accessKeyId: gw.accessKey, secretAccessKey: gw.secretKey } });
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

  it('takes a table with a torn latest manifest back to the version before (not rebuilt), keeping its objects', async () => {
    const prefix = s3Prefix('repair-torn');
    const library = s3LibraryUri(s3!, prefix);
    const env = awsEnv(s3!);
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    const run = (args: string[]) => runShoebox(['--home', home, '--library', library, ...args, ...MODEL], env);
    const [first, second] = [Object.entries(COLOURS).slice(0, 2), Object.entries(COLOURS).slice(2)];
    for (const [name, rgb] of first) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    expect((await run(['index', photos])).code).toBe(0);
    for (const [name, rgb] of second) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    expect((await run(['index', photos])).code).toBe(0);
    const versions = [...(await s3Objects(s3!, prefix)).keys()].filter((k) => k.startsWith(`${TABLE}.lance/_versions/`));
    const manifests = versions.filter((k) => /\/\d+\.manifest$/.test(k));
    expect(manifests.length).toBeGreaterThan(1);
    const number = (k: string) => manifestVersion(k.slice(k.lastIndexOf('/') + 1));
    const latest = manifests.reduce((a, b) => (number(b) > number(a) ? b : a));
    // A torn write: the latest manifest cut short, in place.
    const client = clientFor(s3!);
    const whole = await (await client.send(new GetObjectCommand({ Bucket: s3!.bucket, Key: `${prefix}/${latest}` }))).Body!.transformToByteArray();
    await client.send(new PutObjectCommand({ Bucket: s3!.bucket, Key: `${prefix}/${latest}`, Body: whole.slice(0, Math.floor(whole.length / 2)) }));
    // Lance's note of the newest version, as a library copied here from a folder (or a Lance that writes it on S3) has it.
    const hint = `${TABLE}.lance/_versions/latest_version_hint.json`;
    await client.send(new PutObjectCommand({ Bucket: s3!.bucket, Key: `${prefix}/${hint}`, Body: JSON.stringify({ version: Number(number(latest)) }) }));
    client.destroy();

    const repair = await run(['repair', '--json']);
    expect(repair.code, repair.stderr).toBe(0);
    const report = JSON.parse(repair.stdout) as { tables: { table: string; state: string; rowsAfter?: number }[]; movedAside: string | null };
    const table = report.tables.find((t) => t.table === TABLE);
    expect(table, repair.stdout).toMatchObject({ state: 'restored' });
    expect(table!.rowsAfter).toBeGreaterThanOrEqual(first.length);
    expect(report.movedAside).toMatch(new RegExp(`^${library}/\\.damaged/[^/]+$`));
    const kept = report.movedAside!.slice(library.length + 1);
    const objects = new Set((await s3Objects(s3!, prefix)).keys());
    for (const key of [...versions, hint]) expect(objects.has(`${kept}/${key}`), key).toBe(true);
    // The hint went with the torn manifest (kept above), as the repair of a folder moves it aside.
    expect(objects.has(hint)).toBe(false);
    expect(objects.has(latest)).toBe(false);

    expect((await run(['status', '--json'])).code).toBe(0);
    expect((await run(['index', '--json', photos])).code).toBe(0);
    expect(JSON.parse((await run(['status', '--json'])).stdout)).toMatchObject({ photos: Object.keys(COLOURS).length, pending: 0 });
  }, 600_000);
});
