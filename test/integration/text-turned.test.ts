// Text in photos of photos the user turned, with the real PP-OCRv4 weights: a sign scanned
// sideways and a notice photographed upside down read as nothing as their files show them
// (the recogniser reads level text only); turned upright in the app, their text is read again
// turned, at once (the app queues the reading job), found by `text:` search with its words
// boxed where they show; turned back, read again as the file shows it. The CLI's `rotate`
// leaves the reading to the next `index`, which reads it.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRecognizeText } from '../../src/core/ocr';
import type { LibraryEvent, PhotoHit } from '../../src/shared/api';
import { shoebox } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { useApiHosts } from '../helpers/api-host';
import { tempDir } from '../helpers/images';
import { OCR_CASES, basePhotoPath } from '../helpers/ocr-cases';
import { photoWithText } from '../helpers/ocr-photos';
import { sharedAvailable } from '../helpers/shared-data';

afterAll(() => closeRecognizeText());

const SIGN = OCR_CASES.find((c) => c.name === 'a shop sign and a caption')!;
const NOTICE = OCR_CASES.find((c) => c.name === 'a serif notice')!;

/** The case's photo, saved turned by `degrees` clockwise (as a sideways scan or an upside-down shot is). */
async function writeTurned(file: string, c: typeof SIGN, degrees: number): Promise<void> {
  const upright = await photoWithText(basePhotoPath(c.base), c.width, c.text);
  fs.writeFileSync(file, await sharp(upright).rotate(degrees).jpeg({ quality: 90 }).toBuffer());
}

async function until(what: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !(await what()); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > end) throw new Error('timed out');
  }
}

const readingsDone = (events: readonly LibraryEvent[]) => events.filter((e) => e.type === 'job' && e.job.kind === 'read-text' && e.job.state === 'done').length;

describe.skipIf(!sharedAvailable('photos'))('text in turned photos', () => {
  const openHost = useApiHosts();

  it('reads a photo again as the user turned it, and again when turned back', async () => {
    const dir = tempDir('shoebox-text-turned-');
    await writeTurned(path.join(dir, 'scan.jpg'), SIGN, 270);
    await writeTurned(path.join(dir, 'notice.jpg'), NOTICE, 180);
    const { host, events } = await openHost();
    await host.indexNow([dir]);
    await host.setTextInPhotos(true);
    await until(() => readingsDone(events) === 1);
    const find = async (words: string): Promise<PhotoHit[]> => (await host.search(`text:"${words}"`)).photos;
    // As the files show them, nothing is read.
    expect(await find('open 24 hours')).toEqual([]);
    expect(await find('museum closed')).toEqual([]);

    const photos = (await host.timeline({ limit: 10 })).photos;
    const id = (name: string) => photos.find((p) => path.basename(p.path) === name)!.id;
    await host.rotatePhotos([id('scan.jpg')], 1);
    await host.rotatePhotos([id('notice.jpg')], 2);
    await until(async () => (await host.textInPhotos()).left === 0 && readingsDone(events) >= 2);

    const [sign] = await find('open 24 hours');
    expect(sign?.path).toBe(path.join(dir, 'scan.jpg'));
    const match = sign!.photoText!;
    expect(match.text).toMatch(/OPEN 24 HOURS/);
    // Boxed as the photo shows now (turned upright: as drawn, 1600 wide, OPEN at x 200, y 200).
    expect([match.width, match.height]).toEqual([1600, 1067]);
    const open = match.words.find((w) => w.text.toLowerCase() === 'open')!;
    expect(open.box[0]![0]).toBeGreaterThan(170);
    expect(open.box[0]![0]).toBeLessThan(230);
    expect(open.box[0]![1]).toBeGreaterThan(180);
    expect(open.box[2]![0]).toBeGreaterThan(open.box[0]![0]); // left to right, as it reads
    expect((await find('museum closed')).map((h) => path.basename(h.path))).toEqual(['notice.jpg']);

    // Turned back as the file shows it: read again, and the sideways sign reads as nothing again.
    await host.rotatePhotos([id('scan.jpg')], -1);
    await until(async () => (await host.textInPhotos()).left === 0 && readingsDone(events) >= 3);
    expect(await find('open 24 hours')).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'scan.jpg'))).toBe(true);
  }, 600_000);

  it('the CLI turns the photo, and its next index reads the text turned', async () => {
    const home = tempDir();
    const dir = tempDir('shoebox-text-turned-cli-');
    const scan = path.join(dir, 'scan.jpg');
    await writeTurned(scan, SIGN, 270);
    const model = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
    const run = (args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run(['settings', ...model, 'text-in-photos', 'on'])).code).toBe(0);
    expect((await run(['index', ...model, dir])).code).toBe(0);
    const found = async () => JSON.parse((await run(['search', ...model, '--json', '--text', 'fresh bread daily'])).stdout) as PhotoHit[];
    expect(await found()).toEqual([]);
    const turned = await run(['rotate', ...model, 'right', scan]);
    expect(turned.code, turned.stderr).toBe(0);
    expect(JSON.parse((await run(['settings', ...model, '--json'])).stdout)).toMatchObject({ textInPhotos: { left: 1 } });
    expect((await run(['index', ...model])).code).toBe(0);
    expect(JSON.parse((await run(['settings', ...model, '--json'])).stdout)).toMatchObject({ textInPhotos: { left: 0 } });
    const after = await found();
    expect(after.map((h) => h.path)).toEqual([scan]);
    expect(after[0]!.photoText!.words.map((w) => w.text.toLowerCase())).toEqual(['fresh', 'bread', 'daily']);
  }, 600_000);
});
