// `shoebox albums create --after/--before` keeps the clock of the machine it ran on for a photo
// without a date taken (its file's time): the album holds the photo on the day `shoebox search`
// there dates it, and still holds it when read on a machine in another zone (the library on a
// shared disk, a laptop after a flight), or edited there without new dates.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const NEW_YORK = { TZ: 'America/New_York' };
const UTC = { TZ: 'UTC' };
let home: string;

beforeAll(async () => {
  home = tempDir();
  const photos = tempDir('shoebox-cli-album-clock-');
  await writeColourPhoto(photos, 'red.jpg', [220, 20, 20]);
  // No date taken: 02:00 UTC on 8 March is 21:00 on the 7th in New York.
  const time = new Date('2024-03-08T02:00:00Z');
  fs.utimesSync(path.join(photos, 'red.jpg'), time, time);
  const index = await shoebox(['--home', home, 'index', ...MODEL, '--json', photos], NEW_YORK);
  expect(index.code, index.stderr).toBe(0);
});

/** The album's members' file names, as `albums show --json` lists them on a machine in `zone`. */
async function members(name: string, zone: Record<string, string>): Promise<string[]> {
  const res = await shoebox(['--home', home, 'albums', 'show', ...MODEL, '--json', name], zone);
  expect(res.code, res.stderr).toBe(0);
  return (JSON.parse(res.stdout) as { members: { path: string }[] }).members.map((m) => path.basename(m.path));
}

describe('an album made by `shoebox albums create` with dates', () => {
  it("holds a file-dated photo on the made-on machine's day, read or edited in another zone too", async () => {
    const search = await shoebox(['--home', home, 'search', ...MODEL, '--all', '--json', '--after', '2024-03-07', '--before', '2024-03-08', 'red'], NEW_YORK);
    expect((JSON.parse(search.stdout) as { path: string }[]).map((p) => path.basename(p.path))).toEqual(['red.jpg']);
    const made = await shoebox(['--home', home, 'albums', 'create', ...MODEL, 'March 7', '--query', 'red', '--threshold', '-1', '--after', '2024-03-07', '--before', '2024-03-08'], NEW_YORK);
    expect(made.code, made.stderr).toBe(0);
    expect(await members('March 7', NEW_YORK)).toEqual(['red.jpg']);
    // On a machine in UTC the file's time is on the 8th: the album keeps the clock it was made on.
    expect(await members('March 7', UTC)).toEqual(['red.jpg']);
    const edited = await shoebox(['--home', home, 'albums', 'edit', ...MODEL, 'March 7', '--threshold', '-0.5'], UTC);
    expect(edited.code, edited.stderr).toBe(0);
    expect(await members('March 7', UTC)).toEqual(['red.jpg']);
  });
});
