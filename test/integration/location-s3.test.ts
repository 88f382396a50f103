// A library on S3 (issue #13 items 1 and 2), against the real Ceph gateway: everything that
// belongs to the library lives under its prefix (tables, thumbnails, duplicates report and
// decisions, calibration), nothing of it in the home, and a second home (another device)
// shows search results, tags, albums, favourites, the archive, decisions and thumbnails with the originals gone.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { resolveLibraryLocation, S3Files } from '../../src/core/location';
import { shoebox } from '../cli/run-cli';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { awsEnv, s3Gateway, s3LibraryUri, s3Objects, s3Prefix } from '../helpers/s3-gateway';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';

const s3 = await s3Gateway();
const openHost = useApiHosts();
const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe.skipIf(!s3)('a library on S3', () => {
  const gw = s3!;
  const overrides = () => ({ endpoint: gw.endpoint, region: gw.region, credentials: { accessKeyId: gw.accessKey, secretAccessKey: gw.secretKey } });

  it('keeps everything of the library under its prefix; another home sees it all, thumbnails included, with the originals gone', async () => {
    const photos = tempDir('shoebox-s3-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    fs.copyFileSync(path.join(photos, 'red.jpg'), path.join(photos, 'red copy.jpg'));
    const uri = s3LibraryUri(gw, s3Prefix('h1-library'));
    const env = awsEnv(gw);
    const said: string[] = [];
    const cli = async (home: string, args: string[]) => {
      const res = await shoebox(['--home', home, '--library', uri, ...args], env);
      said.push(res.stdout, res.stderr);
      expect(res.code, res.stderr).toBe(0);
      return res;
    };

    // Device A indexes and searches from the CLI.
    const homeA = tempDir();
    const index = JSON.parse((await cli(homeA, ['index', ...MODEL, '--json', photos])).stdout);
    expect(index).toMatchObject({ scanned: 5, added: 5, failed: [] });
    const hits = JSON.parse((await cli(homeA, ['search', ...MODEL, '--json', 'yellow'])).stdout) as { path: string }[];
    expect(hits[0]!.path).toBe(path.join(photos, 'yellow.jpg'));

    // Then, in the app on device A: tags, an album, a duplicate scan and a decision.
    const a = await openHost({ home: homeA, library: uri, s3: overrides() });
    expect(a.host.library).toBe(uri);
    await a.host.saveLabelSet({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 });
    expect(await jobFinished(a.events, await a.host.tagFolder('colours', photos))).toMatchObject({ state: 'done' });
    const tags = await a.host.tagCounts();
    expect(tags).toContainEqual({ set: 'colours', label: 'red', count: 2 });
    await a.host.saveAlbum({ name: 'sunny', query: 'yellow' });
    const album = (await a.host.albumPhotos('sunny')).photos.map((p) => p.path);
    expect(album[0]).toBe(path.join(photos, 'yellow.jpg'));
    expect(await jobFinished(a.events, await a.host.findDuplicates(['exact']))).toMatchObject({ state: 'done' });
    const report = (await a.host.duplicates())!;
    expect(report.groups.map((g) => g.members.map((m) => path.basename(m.path)).sort())).toEqual([['red copy.jpg', 'red.jpg']]);
    const decision = await a.host.decideDuplicates(report.groups[0]!.members.map((m) => m.id), 'not-duplicates');
    expect(await a.host.setFavourites([photoId(path.join(photos, 'green.jpg'))], true)).toMatchObject({ done: 1, missing: 0, unchanged: 0 });
    expect(await a.host.setArchived([photoId(path.join(photos, 'blue.jpg'))], true)).toMatchObject({ done: 1, missing: 0, unchanged: 0 });
    expect(await a.host.setTakenAt([photoId(path.join(photos, 'yellow.jpg'))], '1999-12-31T23:59')).toEqual({ done: 1, missing: 0, undo: expect.any(Number) });
    expect(await a.host.setPlace([photoId(path.join(photos, 'yellow.jpg'))], { lat: 64.13548, lon: -21.89541 })).toEqual({ done: 1, missing: 0, undo: expect.any(Number) });
    expect(await a.host.setDescription([photoId(path.join(photos, 'yellow.jpg'))], 'Sunflowers by the road')).toEqual({ done: 1, missing: 0 });
    expect(await a.host.rotatePhotos([photoId(path.join(photos, 'green.jpg'))], 1)).toEqual({ done: 1, missing: 0, videos: 0 });
    await a.host.close();

    // Nothing of the library in the home: it is all under the prefix.
    for (const name of ['thumbs', 'duplicates', 'calibration', 'duplicate-decisions.json', 'library']) expect(fs.existsSync(path.join(homeA, name)), name).toBe(false);
    const location = await resolveLibraryLocation(uri, { defaultDir: '/unused', env });
    const keys = await new S3Files(location).list('');
    expect(keys).toContain('duplicate-decisions.json');
    expect(keys.filter((k) => k.startsWith('duplicates/'))).toHaveLength(1);
    expect(keys.filter((k) => k.startsWith('calibration/'))).toHaveLength(1);
    expect(keys.filter((k) => k.startsWith('thumbs/'))).toHaveLength(4); // one per content
    expect(keys.some((k) => k.endsWith('.lance') || k.includes('.lance/'))).toBe(true);

    // Device B: a fresh home, the originals gone (not mounted here).
    fs.rmSync(photos, { recursive: true });
    const homeB = tempDir();
    const b = await openHost({ home: homeB, library: uri, s3: overrides(), writerLock: 'on-write' });
    expect((await b.host.search('yellow')).photos[0]!.path).toBe(path.join(photos, 'yellow.jpg'));
    expect(await b.host.tagCounts()).toEqual(tags);
    expect((await b.host.albumPhotos('sunny')).photos.map((p) => p.path)).toEqual(album);
    expect((await b.host.timeline({ favourite: true })).photos.map((p) => [path.basename(p.path), p.favourite])).toEqual([['green.jpg', true]]);
    // The photo turned on device A shows turned on B: listed sideways, its thumbnail too.
    expect((await b.host.timeline({ favourite: true })).photos[0]).toMatchObject({ width: 240, height: 320, rotation: 90 });
    const turned = await sharp((await b.host.readImage(photoId(path.join(photos, 'green.jpg')), 'thumb'))!.data).metadata();
    expect(turned.height).toBeGreaterThan(turned.width);
    expect((await b.host.timeline({ archived: true })).photos.map((p) => [path.basename(p.path), p.archived])).toEqual([['blue.jpg', true]]);
    expect((await b.host.timeline()).photos.map((p) => path.basename(p.path))).not.toContain('blue.jpg');
    // The date set by hand on device A: B's photo rows carry it, and B's viewer says so.
    const yellow = (await b.host.getPhoto(photoId(path.join(photos, 'yellow.jpg'))))!;
    expect([yellow.takenAt, yellow.takenEdited !== undefined]).toEqual([Date.UTC(1999, 11, 31, 23, 59), true]);
    // So does the place set by hand there: Places on B lists it.
    expect([yellow.place?.city, yellow.placeEdited]).toEqual(['Reykjavík', { fileGpsLat: null, fileGpsLon: null }]);
    expect((await b.host.places()).countries.map((c) => c.country)).toEqual(['Iceland']);
    // And the description written there: B shows it and finds the photo by it.
    expect(yellow.description).toBe('Sunflowers by the road');
    expect((await b.host.timeline({ described: 'sunflower' })).photos.map((p) => path.basename(p.path))).toEqual(['yellow.jpg']);
    expect((await b.host.duplicateDecisions()).map((d) => d.id)).toEqual([decision.id]);
    expect((await b.host.duplicates())!.groups).toEqual([]); // the scan is there, its one group decided
    for (const name of [...Object.keys(COLOURS), 'red copy']) {
      const thumb = await b.host.readImage(photoId(path.join(photos, `${name}.jpg`)), 'thumb');
      expect(thumb, name).not.toBeNull();
      expect(thumb!.contentType).toBe('image/jpeg');
      expect([...thumb!.data.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    }
    // Read from S3 once, then kept in this device's cache.
    const cached = fs.readdirSync(path.join(homeB, 'cache', 'library-thumbs'), { recursive: true }).filter((f) => String(f).endsWith('.jpg'));
    expect(cached).toHaveLength(4);

    // No secret anywhere in what was printed or logged.
    said.push(...[...a.events, ...b.events].map((e) => JSON.stringify(e)));
    for (const text of said) expect(text).not.toContain(gw.secretKey);
  });

  it('says in one line when the bucket cannot be used, never printing the secret', async () => {
    const home = tempDir();
    const uri = s3LibraryUri(gw, s3Prefix('h1-errors'));
    const run = (args: string[], env: NodeJS.ProcessEnv) => shoebox(['--home', home, ...args, 'status', ...MODEL], env);
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['--library', uri], { ...awsEnv(gw), AWS_SECRET_ACCESS_KEY: `${gw.secretKey}-wrong` }, /^shoebox: access denied to s3:\/\/.* at http:\/\/.*: check the S3 credentials/],
      [['--library', `s3://no-such-bucket-h1/${s3Prefix('x')}`], awsEnv(gw), /^shoebox: bucket not found: no-such-bucket-h1 /],
      [['--library', uri], awsEnv(gw, 'http://127.0.0.1:9'), /^shoebox: cannot reach s3:\/\/.* at http:\/\/127\.0\.0\.1:9: ECONNREFUSED$/],
      [['--library', uri], { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_PROFILE: undefined, AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none'), AWS_CONFIG_FILE: path.join(home, 'none') }, /^shoebox: no S3 credentials found for s3:\/\//],
    ];
    for (const [args, env, expected] of cases) {
      const res = await run(args, env);
      expect(res.code, res.stderr).toBe(1);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr.trim()).toMatch(expected);
      expect(res.stdout + res.stderr).not.toContain(gw.secretKey);
    }
    const bad = await shoebox(['--home', home, '--library', 'ftp://nas/x', 'status', ...MODEL]);
    expect(bad.code).toBe(2); // a malformed location is a usage error
    expect(bad.stderr).toMatch(/unsupported library location ftp:/);
  });

  it('takes the endpoint written in ~/.aws/credentials, and reads an AWS_* variable set to nothing as unset', async () => {
    const photos = tempDir('shoebox-s3-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const home = tempDir();
    const credentials = path.join(home, 'aws-credentials');
    fs.writeFileSync(credentials, `[default]\naws_access_key_id = ${gw.accessKey}\naws_secret_access_key = ${gw.secretKey}\nregion = ${gw.region}\nendpoint_url = ${gw.endpoint}\n`);
    const unset = { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_PROFILE: undefined, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_ENDPOINT_URL: undefined, AWS_ENDPOINT_URL_S3: undefined };
    // Only the credentials file says where the bucket is: LanceDB went to AWS itself with it.
    const fromFile = { ...unset, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: path.join(home, 'no-config') };
    const uri = s3LibraryUri(gw, s3Prefix('h1-credentials-endpoint'));
    const indexed = await shoebox(['--home', home, '--library', uri, 'index', ...MODEL, photos], fromFile);
    expect(indexed.code, indexed.stderr).toBe(0);
    // An empty variable (`AWS_ENDPOINT_URL_S3=` in a script) is no endpoint: LanceDB panicked on it.
    for (const empty of [{ ...fromFile, AWS_ENDPOINT_URL_S3: '' }, { ...awsEnv(gw), AWS_ENDPOINT_URL_S3: ' ', AWS_SESSION_TOKEN: '' }]) {
      const listed = await shoebox(['--home', tempDir(), '--library', uri, 'list', '--json'], empty);
      expect(listed.code, listed.stderr).toBe(0);
      expect((JSON.parse(listed.stdout) as { path: string }[]).map((p) => p.path)).toEqual([path.join(photos, 'red.jpg')]);
    }
  });

  it('repairs an S3 library as a folder one: a whole library is said ok, and nothing is kept aside', async () => {
    const prefix = s3Prefix('h1-repair');
    const home = tempDir();
    const photos = tempDir('shoebox-s3-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const uri = s3LibraryUri(gw, prefix);
    expect((await shoebox(['--home', home, '--library', uri, 'index', ...MODEL, photos], awsEnv(gw))).code).toBe(0);
    const res = await shoebox(['--home', home, '--library', uri, 'repair', ...MODEL], awsEnv(gw));
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^library ok: \d+ tables read whole, nothing to repair\n$/);
    // Nothing copied aside: `.damaged/` holds only what a repair of damage keeps (s3-repair-cli.test.ts).
    expect([...(await s3Objects(gw, prefix)).keys()].filter((k) => k.includes('.damaged/'))).toEqual([]);
  });

  it('takes SHOEBOX_LIBRARY when --library is not given, and --library over it', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-s3-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const uri = s3LibraryUri(gw, s3Prefix('h1-env'));
    const env = { ...awsEnv(gw), SHOEBOX_LIBRARY: uri };
    expect((await shoebox(['--home', home, 'index', ...MODEL, '--json', photos], env)).code).toBe(0);
    const fromEnv = JSON.parse((await shoebox(['--home', home, 'status', ...MODEL, '--json'], env)).stdout);
    expect(fromEnv.photos).toBe(1);
    const local = tempDir();
    const overridden = JSON.parse((await shoebox(['--home', home, '--library', local, 'status', ...MODEL, '--json'], env)).stdout);
    expect(overridden.photos).toBe(0);
    expect(fs.existsSync(path.join(home, 'library'))).toBe(false); // the default library was never touched
  });
});
