// The duplicates report of a library shared by devices that see its folders under different
// paths (issue #13, review of the shared library): it is saved in the library's paths and shown
// in each device's, so a device that mapped the folder elsewhere reviews the same groups, and
// its own scan saves a report the first device still reads under its paths.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from '../cli/run-cli';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';

const openHost = useApiHosts();

describe('a duplicates report in a library shared by two devices with different paths', () => {
  it('is read by each device under its own paths, whichever device scanned', { timeout: 180_000 }, async () => {
    const library = path.join(tempDir('shoebox-shared-'), 'library');
    const mountA = path.join(tempDir('shoebox-mnt-'), 'photos'); // device A: /mnt/nas/photos
    const mountB = path.join(tempDir('shoebox-volumes-'), 'photos'); // device B: /Volumes/photos
    fs.mkdirSync(mountA);
    await writeColourPhoto(mountA, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(mountA, 'blue.jpg', COLOURS.blue!);
    fs.copyFileSync(path.join(mountA, 'red.jpg'), path.join(mountA, 'red copy.jpg'));
    const homeA = tempDir();
    const homeB = tempDir();
    const indexed = await shoebox(['--home', homeA, '--library', library, 'index', '--model-dir', fixtureModelDir(TINY_IMMICH), mountA]);
    expect(indexed.code, indexed.stderr).toBe(0);
    const groupsOf = async (host: Awaited<ReturnType<typeof openHost>>['host']) => ((await host.duplicates())?.groups ?? []).map((g) => g.members.map((m) => m.path).sort());

    // Device A scans.
    const a = await openHost({ home: homeA, library });
    expect(await jobFinished(a.events, await a.host.findDuplicates(['exact']))).toMatchObject({ state: 'done' });
    expect(await groupsOf(a.host)).toEqual([[path.join(mountA, 'red copy.jpg'), path.join(mountA, 'red.jpg')]]);
    await a.host.close();

    // Device B sees the share elsewhere and maps it: A's report, under B's paths.
    fs.renameSync(mountA, mountB);
    const b = await openHost({ home: homeB, library });
    await b.host.mapFolder(mountA, mountB);
    const underB = [[path.join(mountB, 'red copy.jpg'), path.join(mountB, 'red.jpg')]];
    expect(await groupsOf(b.host)).toEqual(underB);

    // B scans again: its report replaces A's in the library, in the library's paths.
    expect(await jobFinished(b.events, await b.host.findDuplicates(['exact']))).toMatchObject({ state: 'done' });
    expect(await groupsOf(b.host)).toEqual(underB);
    await b.host.close();
    const saved = fs.readFileSync(fs.readdirSync(path.join(library, 'duplicates')).map((f) => path.join(library, 'duplicates', f))[0]!, 'utf8');
    expect(saved).toContain(JSON.stringify(path.join(mountA, 'red.jpg')));
    expect(saved).not.toContain(mountB);

    // A, its share back at its own path, reads B's report under A's paths.
    fs.renameSync(mountB, mountA);
    const again = await openHost({ home: homeA, library });
    expect(await groupsOf(again.host)).toEqual([[path.join(mountA, 'red copy.jpg'), path.join(mountA, 'red.jpg')]]);
  });
});
