// A whole share mounted under another path on a second device: `shoebox folders map ROOT PLACE`
// maps every library folder under ROOT (not a library folder itself) in one command, all or
// none, and `folders unmap ROOT` forgets them. Two homes on one --library folder are two devices.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

function run(home: string, library: string, args: string[]) {
  return shoebox(['--home', home, '--library', library, ...args]);
}

describe('shoebox folders map of a share\'s root', () => {
  it('maps each library folder under the root, all or none, and unmap forgets them', { timeout: 180_000 }, async () => {
    const base = tempDir('shoebox-share-root-');
    const library = path.join(base, 'library');
    const homeA = tempDir();
    const homeB = tempDir();
    const rootA = path.join(base, 'A', 'root');
    const rootB = path.join(base, 'B', 'root');
    for (const f of ['f1', 'f2']) fs.mkdirSync(path.join(rootA, f), { recursive: true });
    await writeColourPhoto(path.join(rootA, 'f1'), 'red.jpg', COLOURS.red!);
    await writeColourPhoto(path.join(rootA, 'f1'), 'blue.jpg', COLOURS.blue!);
    await writeColourPhoto(path.join(rootA, 'f2'), 'yellow.jpg', COLOURS.yellow!);
    const indexed = await run(homeA, library, ['index', ...MODEL, path.join(rootA, 'f1'), path.join(rootA, 'f2')]);
    expect(indexed.code, indexed.stderr).toBe(0);

    // Device B sees the share at rootB; f2 is not there yet: nothing is mapped, and it says which.
    fs.cpSync(path.join(rootA, 'f1'), path.join(rootB, 'f1'), { recursive: true });
    const partial = await run(homeB, library, ['folders', 'map', rootA, rootB]);
    expect(partial.code).toBe(1);
    expect(partial.stderr.trim()).toBe(`shoebox: nothing mapped under ${rootA}: cannot map ${path.join(rootA, 'f2')} to ${path.join(rootB, 'f2')}: folder not found`);
    expect(fs.existsSync(path.join(homeB, 'folder-mappings.json'))).toBe(false);

    fs.cpSync(path.join(rootA, 'f2'), path.join(rootB, 'f2'), { recursive: true });
    const mapped = await run(homeB, library, ['folders', 'map', rootA, rootB]);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.stdout.split('\n')).toEqual([
      `mapped 2 library folders under ${rootA} to ${rootB}`,
      `  ${path.join(rootA, 'f1')} is ${path.join(rootB, 'f1')} on this device (2 photos)`,
      `  ${path.join(rootA, 'f2')} is ${path.join(rootB, 'f2')} on this device (1 photo)`,
      '',
    ]);
    const listed = await run(homeB, library, ['folders', 'list', '--json']);
    expect((JSON.parse(listed.stdout) as { path: string; libraryPath?: string }[]).map((f) => [f.path, f.libraryPath])).toEqual([
      [path.join(rootB, 'f1'), path.join(rootA, 'f1')],
      [path.join(rootB, 'f2'), path.join(rootA, 'f2')],
    ]);

    const unmapped = await run(homeB, library, ['folders', 'unmap', rootB]);
    expect(unmapped.code, unmapped.stderr).toBe(0);
    expect(unmapped.stdout.split('\n')[0]).toBe(`forgot where this device finds 2 library folders under ${rootB}: looked for at the library's paths again`);
    const after = await run(homeB, library, ['folders', 'list', '--json']);
    expect((JSON.parse(after.stdout) as { path: string; libraryPath?: string }[]).map((f) => [f.path, f.libraryPath])).toEqual([
      [path.join(rootA, 'f1'), undefined],
      [path.join(rootA, 'f2'), undefined],
    ]);

    // A folder that holds no library folder keeps the one-line refusal.
    const nothing = await run(homeB, library, ['folders', 'map', path.join(base, 'B'), rootB]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr.trim()).toBe(`shoebox: not a library folder: ${path.join(base, 'B')} (shoebox folders list shows them)`);
  });
});
