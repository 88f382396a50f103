// `shoebox status` says the text-in-photos setting always, on or off, with how far its reading
// has got: it said a line only while photos were left to read, so with everything read, or the
// setting off, it never told whether the library reads text. And `shoebox index` ends its
// summary with the reading it did and that reading's time: a first run after turning text on
// spent its 25 s reading, and its summary said "0 embedded, … (0.0 s)".
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { closeRecognizeText } from '../../src/core/ocr';

describe('status and index say the text in photos', () => {
  it('says the setting in status on and off, and the reading in the index summary', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-text-status-');
    for (const name of ['red', 'green', 'blue']) await writeColourPhoto(photos, `${name}.jpg`, COLOURS[name]!);
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    expect((await run('index', photos)).code).toBe(0);
    const line = async () => (await run('status')).stdout.split('\n').find((l) => l.startsWith('  text-in-photos:'));

    // Off, nothing read: said, not left out.
    expect(await line()).toMatch(/^ {2}text-in-photos: off; no text read yet \(3 photos not read: /);

    // On: the next index run reads the three, and its summary says so with the reading's time.
    expect((await run('settings', 'text-in-photos', 'on')).code).toBe(0);
    const index = await run('index', photos);
    expect(index.code, index.stderr).toBe(0);
    expect(index.stdout).toMatch(/ 0 embedded, 0 failed \(\d+\.\d s\); text read in 3 photos \(\d+\.\d s\)\n$/);
    const json = JSON.parse((await run('index', '--json', photos)).stdout) as { textReading?: unknown };
    // Nothing left to read: no reading, nothing said of one.
    expect(json.textReading).toBeUndefined();

    // All read: status still says the setting.
    expect(await line()).toBe("  text-in-photos: on; text read in all 3 photos (a photo's copies count once; videos are not read)");

    // Off again: what was read is still searched, and nothing is left to read.
    expect((await run('settings', 'text-in-photos', 'off')).code).toBe(0);
    expect(await line()).toBe('  text-in-photos: off; all 3 photos read before, still searched (shoebox settings text-in-photos on reads new photos as they are indexed)');
    expect(JSON.parse((await run('status', '--json')).stdout)).toMatchObject({ textInPhotos: { on: false, contents: 3, left: 0 } });
    closeRecognizeText();
  }, 240_000);
});
