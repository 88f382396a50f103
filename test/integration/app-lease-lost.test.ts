// The app on a library shared by two devices (a NAS folder), asleep past its writer lease
// while the other device indexes: once awake it shows what the other device added (its
// reads are not left on the lost writer's view), and its next write takes the library back
// once the other device is done (not "lease lost" until a restart).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { LEASE_TTL_MS } from '../../src/core/store/writer-lease';
import { shoebox } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { useAppProcesses } from '../helpers/app-process';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const appProcess = useAppProcesses();

describe('the app asleep past its writer lease on a shared library', () => {
  it('shows the other device’s photos once awake, and writes again once that device is done', async () => {
    const library = path.join(tempDir('shoebox-lease-lost-nas-'), 'library');
    const mine = tempDir('shoebox-lease-lost-laptop-');
    const theirs = tempDir('shoebox-lease-lost-desktop-');
    await writeColourPhoto(mine, 'red.jpg', COLOURS.red!);
    for (const name of ['green', 'blue', 'yellow'] as const) await writeColourPhoto(theirs, `${name}.jpg`, COLOURS[name]!);

    const app = await appProcess(tempDir('shoebox-lease-lost-home-'), library);
    expect(await app.call('indexNow', [mine])).toMatchObject({ added: 1 });
    expect(await app.call('setFavourites', [photoId(path.join(mine, 'red.jpg'))], true)).toMatchObject({ done: 1 });

    // Asleep past its lease; the other device takes the library over and indexes its photos.
    app.child.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, LEASE_TTL_MS + 3000));
    const other = await shoebox(['--home', tempDir('shoebox-lease-lost-home-'), '--library', library, '--provider', 'cpu', 'index', theirs, '--model-dir', fixtureModelDir(TINY_IMMICH)]);
    expect(other.code, other.stderr).toBe(0);
    app.child.kill('SIGCONT');

    await expect.poll(async () => ((await app.call('status')) as { photos: number }).photos, { timeout: 20_000 }).toBe(4);
    expect(await app.call('setFavourites', [photoId(path.join(theirs, 'blue.jpg'))], true)).toMatchObject({ done: 1 });
    const photos = (await app.call('listPhotos', {})) as { photos: { path: string; favourite?: boolean }[] };
    expect(photos.photos.filter((p) => p.favourite).map((p) => path.basename(p.path)).sort()).toEqual(['blue.jpg', 'red.jpg']);
  }, 180_000);

  it('follows its folders again once the other device is done, with no job or change from the user', async () => {
    const library = path.join(tempDir('shoebox-lease-lost-nas-'), 'library');
    const mine = tempDir('shoebox-lease-lost-laptop-');
    const theirs = tempDir('shoebox-lease-lost-desktop-');
    await writeColourPhoto(mine, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(theirs, 'green.jpg', COLOURS.green!);

    const app = await appProcess(tempDir('shoebox-lease-lost-home-'), library, { watch: true });
    expect(await app.call('indexNow', [mine])).toMatchObject({ added: 1 });
    app.child.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, LEASE_TTL_MS + 3000));
    const other = await shoebox(['--home', tempDir('shoebox-lease-lost-home-'), '--library', library, '--provider', 'cpu', 'index', theirs, '--model-dir', fixtureModelDir(TINY_IMMICH)]);
    expect(other.code, other.stderr).toBe(0);
    app.child.kill('SIGCONT');
    await expect.poll(async () => ((await app.call('status')) as { photos: number }).photos, { timeout: 20_000 }).toBe(2);

    // A photo saved into the laptop's folder afterwards is indexed by its watcher.
    await writeColourPhoto(mine, 'blue.jpg', COLOURS.blue!);
    await expect.poll(async () => ((await app.call('status')) as { photos: number }).photos, { timeout: 45_000, interval: 1000 }).toBe(3);
  }, 180_000);
});
