// `shoebox albums` as a new user walks it: an unknown --place refused as `search` refuses it,
// the filters shown by `albums show` and `albums list` (the app's header wording), why an empty
// album is empty, names trimmed, a name taken but for case refused. The CLI in this process
// (run-cli.ts) on a temp home with four colour photos and the tiny fixture model.
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

async function indexed() {
  const home = tempDir();
  const photos = tempDir('shoebox-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  const run = async (...args: string[]) => shoebox(['--home', home, ...args]);
  expect((await run('index', ...MODEL, '--json', photos)).code).toBe(0);
  return { photos, run };
}

describe('shoebox albums filters and names', () => {
  it('refuses an unknown --place as search does: same line, exit 2, no album made', async () => {
    const { run } = await indexed();
    const search = await run('search', ...MODEL, 'red', '--place', 'Qwzxv');
    const create = await run('albums', 'create', ...MODEL, 'P2', '--query', 'red', '--place', 'Qwzxv');
    expect(search.code).toBe(2);
    expect([create.code, create.stderr]).toEqual([2, search.stderr]);
    expect(create.stderr).toMatch(/^shoebox: --place: no town or country is called "Qwzxv"/);
    expect((await run('albums', 'list', ...MODEL, '--json')).stdout.trim()).toBe('[]');
  });

  it('shows the filters in `albums show` and `albums list`, and says why an empty album is empty', async () => {
    const { photos, run } = await indexed();
    expect((await run('albums', 'create', ...MODEL, 'Old', '--query', 'photo', '--after', '2005', '--before', '2009', '--folder', photos)).code).toBe(0);
    const show = await run('albums', 'show', ...MODEL, 'Old');
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout.split('\n')[0]).toMatch(new RegExp(`^Old: "photo" \\(in ${photos.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · from 2005-01-01 · until 2008-12-31\\), threshold .*, 0 photos$`));
    expect(show.stderr).toContain(`shoebox: no photo matches "photo" (in ${photos} · from 2005-01-01 · until 2008-12-31) yet: photos indexed later join by themselves\n`);
    const list = await run('albums', 'list', ...MODEL);
    expect(list.stdout.split('\n')[0]).toMatch(/^Old\t0 photos\t"photo"\tthreshold .*\tin .* · from 2005-01-01 · until 2008-12-31$/);
  });

  it('trims every name given, and refuses a new name another album has but for case', async () => {
    const { run } = await indexed();
    expect((await run('albums', 'create', ...MODEL, '  leading', '--query', 'red')).code).toBe(0);
    const show = await run('albums', 'show', ...MODEL, '  leading');
    expect([show.code, show.stdout.split('\n')[0]]).toEqual([0, expect.stringMatching(/^leading: "red"/)]);

    expect((await run('albums', 'create', ...MODEL, 'Reds', '--query', 'red')).code).toBe(0);
    const clash = await run('albums', 'create', ...MODEL, 'reds', '--query', 'red');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/^shoebox: an album named "Reds" already exists/);
    const missing = await run('albums', 'show', ...MODEL, 'nothing');
    expect([missing.code, missing.stderr]).toEqual([1, 'shoebox: no album named "nothing" (shoebox albums list)\n']);
  });
});
