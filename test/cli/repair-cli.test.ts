// `shoebox repair` as a user meets it (issue 16.5): a library with a damaged store file fails
// every command with one line naming the remedy; repair brings it back; index embeds again
// only the photos the repair lost; the photo files are never touched.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShoebox, shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { photosTableName } from '../../src/core/store';
import { DAMAGE_KINDS, damageTable, dataFiles } from '../unit/store/damage';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const TABLE = photosTableName(TINY_IMMICH);
const ONE_LINE = new RegExp(`^shoebox: library damaged: ${TABLE} cannot be read \\([a-z ]+\\); run 'shoebox repair'$`);

/** Shoebox's own lines on stderr (native libraries may print warnings of their own around them). */
function shoeboxLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('shoebox:'));
}

function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(dir).map((f) => {
      const file = path.join(dir, f);
      return [f, `${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')}@${fs.statSync(file).mtimeMs}`];
    }),
  );
}

async function json<T>(home: string, args: string[]): Promise<T> {
  const res = await shoebox(['--home', home, ...args, ...MODEL, '--json']);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as T;
}

describe('shoebox repair', () => {
  // Two index runs, so the second one's photos live in fragments of their own.
  const photos = tempDir('shoebox-photos-');
  const seed = tempDir();
  const [first, second] = [Object.entries(COLOURS).slice(0, 2), Object.entries(COLOURS).slice(2)];
  let before: string[] = [];
  let originals: Record<string, string> = {};
  beforeAll(async () => {
    for (const [name, rgb] of first) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    await json(seed, ['index', photos]);
    before = dataFiles(path.join(seed, 'library'), TABLE);
    for (const [name, rgb] of second) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    await json(seed, ['index', photos]);
    originals = fingerprint(photos);
  }, 300_000);

  for (const kind of DAMAGE_KINDS) {
    it(`${kind}: commands say it in one line; repair brings the library back; index re-embeds only what was lost`, { timeout: 600_000 }, async () => {
      const home = tempDir();
      fs.cpSync(seed, home, { recursive: true });
      damageTable(path.join(home, 'library'), TABLE, kind, before.map((f) => f.replace(seed, home)), true);

      // Real processes, run at once: each must fail on its own with the same one line.
      const commands = [['status'], ['list'], ['search', 'red'], ['index', photos]];
      const results = await Promise.all(commands.map((args) => runShoebox(['--home', home, ...args, ...MODEL])));
      results.forEach((res, i) => {
        expect(res.code, `${kind}: ${commands[i]!.join(' ')}`).toBe(1);
        const lines = shoeboxLines(res.stderr);
        expect(lines, `${kind}: ${commands[i]!.join(' ')}`).toHaveLength(1);
        expect(lines[0], `${kind}: ${commands[i]!.join(' ')}`).toMatch(ONE_LINE);
      });

      const report = await json<{ checked: number; repaired: number; tables: { table: string; state: string; restoredTo?: number }[] }>(home, ['repair']);
      expect(report.repaired, kind).toBe(1);
      expect(report.checked).toBeGreaterThanOrEqual(5);
      expect(report.tables.find((t) => t.table === TABLE)).toMatchObject({ state: 'restored', restoredTo: expect.any(Number) });

      const [kept, hits] = await Promise.all([json<{ path: string }[]>(home, ['list']), json<unknown[]>(home, ['search', 'red', '--all'])]);
      expect(hits.length).toBe(kept.length);
      const lost = Object.keys(COLOURS).length - kept.length;
      if (kind !== 'truncated manifest') expect(lost, kind).toBe(second.length);
      const index = await json<{ embedded: number }>(home, ['index', photos]);
      expect(index.embedded, kind).toBe(lost);
      expect(await json<{ photos: number; pending: number }>(home, ['status'])).toMatchObject({ photos: Object.keys(COLOURS).length, pending: 0 });
      expect(fingerprint(photos)).toEqual(originals);
    });
  }

  it('a healthy library: repair says so and exits 0', { timeout: 300_000 }, async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    await json(home, ['index', photos]);
    const res = await shoebox(['--home', home, 'repair', ...MODEL]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^library ok: \d+ tables read whole, nothing to repair\n$/);
  });
});
