// A local library elsewhere than <home>/library (--library DIR): it behaves as the default
// one (same results), keeps its files (thumbnails, calibration, duplicates) inside its own
// folder, and leaves the home's default library alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from '../cli/run-cli';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const res = await shoebox(args, env);
  expect(res.code, res.stderr).toBe(0);
  return res.stdout;
}

describe('a local library given with --library', () => {
  it('answers as the default library does, with its files kept in its own folder', async () => {
    const photos = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    fs.copyFileSync(path.join(photos, 'blue.jpg'), path.join(photos, 'blue copy.jpg'));

    const homeDefault = tempDir();
    const home = tempDir();
    const lib = path.join(tempDir('shoebox-lib-'), 'family library');
    const elsewhere = ['--home', home, '--library', lib];
    const both = async (args: string[]) => [await run(['--home', homeDefault, ...args]), await run([...elsewhere, ...args])];

    const [indexDefault, indexElsewhere] = await both(['index', ...MODEL, '--json', photos]);
    const { seconds: _a, ...summaryDefault } = JSON.parse(indexDefault!);
    const { seconds: _b, ...summaryElsewhere } = JSON.parse(indexElsewhere!);
    expect(summaryElsewhere).toEqual(summaryDefault);
    for (const args of [['search', ...MODEL, '--json', 'yellow'], ['search', ...MODEL, '--json', '--all', 'blue'], ['list', ...MODEL, '--json'], ['dupes', ...MODEL, '--json']]) {
      const [a, b] = await both(args);
      expect(tiesByPath(JSON.parse(b!)), args.join(' ')).toEqual(tiesByPath(JSON.parse(a!)));
    }
    const status = JSON.parse(await run([...elsewhere, 'status', ...MODEL, '--json']));
    expect(status).toMatchObject({ photos: 5, pending: 0 });

    // The library's tables and files are in its folder; the home holds none of them.
    expect(fs.readdirSync(lib).filter((f) => f.endsWith('.lance')).length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(lib, 'thumbs')).length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(lib, 'calibration'))).toHaveLength(1);
    expect(fs.readdirSync(path.join(lib, 'duplicates'))).toHaveLength(1);
    for (const name of ['library', 'thumbs', 'calibration', 'duplicates']) expect(fs.existsSync(path.join(home, name)), name).toBe(false);
    // The default library keeps its files where they always were.
    for (const name of ['library', 'thumbs', 'calibration', 'duplicates']) expect(fs.existsSync(path.join(homeDefault, name)), name).toBe(true);

    // Its folder is Shoebox's data: never indexed as photos.
    const refused = await shoebox([...elsewhere, 'index', ...MODEL, path.join(lib, 'thumbs')]);
    expect(refused.code).toBe(2); // refused as a usage error, as for the home's own folders
    expect(refused.stderr).toMatch(/Shoebox's own data/);
  });
});

/**
 * Search hits with equal scores (byte-identical copies) in path order: LanceDB returns ties in
 * row order, which depends on which copy a run committed first, in either library.
 */
function tiesByPath(value: unknown): unknown {
  if (!Array.isArray(value) || !value.every((h) => typeof (h as { score?: unknown }).score === 'number')) return value;
  const hits = value as { path: string; score: number }[];
  return [...hits].sort((x, y) => y.score - x.score || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
