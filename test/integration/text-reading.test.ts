// The reading pass's safety: a crash in the middle loses at most the batch in progress and
// the next pass reads only what is still missing (no photo read twice); a photo the OCR
// cannot decode is recorded with its reason and not tried again; a pass with the setting
// off reads nothing. Real OCR on photos with known text, a real library.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { OcrError, closeRecognizeText, recognizeText, type OcrResult } from '../../src/core/ocr';
import { OCR_MODEL_VERSION, readMissingText, setTextInPhotos, textPassHook } from '../../src/core/text';
import { tempDir } from '../helpers/images';
import { sharedAvailable } from '../helpers/shared-data';
import { testLibrary } from '../helpers/test-library';
import { writeTextPhotos } from '../helpers/text-photos';

afterAll(() => closeRecognizeText());

/** The real OCR, counting the files it is asked to read. */
function countingOcr(): { recognize: (p: string) => Promise<OcrResult>; asked: string[] } {
  const asked: string[] = [];
  return { asked, recognize: (p) => (asked.push(p), recognizeText(p)) };
}

describe.skipIf(!sharedAvailable('photos'))('the text reading pass', () => {
  it('resumes after a crash with only what is left, each photo read once', async () => {
    const dir = tempDir('shoebox-text-crash-');
    const made = await writeTextPhotos(dir);
    const lib = testLibrary(tempDir());
    await lib.index([dir]);
    const store = await lib.writable();
    // The process dies while reading the 6th photo: the pass never comes back (nothing after
    // that moment is written); batches of 2 were committed before it, the 5th photo was not.
    const first = countingOcr();
    let stuck!: () => void;
    const reachedSixth = new Promise<void>((resolve) => (stuck = resolve));
    const crashing = async (p: string): Promise<OcrResult> => {
      if (first.asked.length === 5) {
        stuck();
        return new Promise<OcrResult>(() => {});
      }
      return first.recognize(p);
    };
    void readMissingText(store, { recognize: crashing, batchSize: 2 });
    await reachedSixth;
    expect((await store.photoTextModels()).size).toBe(4);
    const second = countingOcr();
    const summary = await readMissingText(store, { recognize: second.recognize, batchSize: 2 });
    expect(summary).toEqual({ read: made.length - 4, failed: 0, left: 0, paused: false });
    expect(new Set([...first.asked.slice(0, 4), ...second.asked]).size).toBe(made.length);
    expect(second.asked.some((p) => first.asked.slice(0, 4).includes(p))).toBe(false);
    // Nothing left: a third pass reads nothing.
    const third = countingOcr();
    expect(await readMissingText(store, { recognize: third.recognize })).toEqual({ read: 0, failed: 0, left: 0, paused: false });
    expect(third.asked).toEqual([]);
  }, 300_000);

  it('records a photo it cannot decode with the reason and does not try it again', async () => {
    const dir = tempDir('shoebox-text-broken-');
    const made = await writeTextPhotos(dir);
    const lib = testLibrary(tempDir());
    await lib.index([dir]);
    const store = await lib.writable();
    // Broken after it was indexed (a disk error, a sync tool writing half a file).
    const broken = made[0]!.file;
    fs.writeFileSync(broken, fs.readFileSync(broken).subarray(0, 200));
    const first = await readMissingText(store, { recognize: recognizeText });
    expect(first).toEqual({ read: made.length - 1, failed: 1, left: 0, paused: false });
    const hash = (await store.getPhoto(broken))!.hash;
    const [row] = await store.getPhotoText([hash]);
    expect(row!.error).toMatch(/cannot be decoded|corrupt|premature|truncated|unsupported/i);
    const again = countingOcr();
    expect(await readMissingText(store, { recognize: again.recognize })).toEqual({ read: 0, failed: 0, left: 0, paused: false });
    expect(again.asked).toEqual([]);
  }, 300_000);

  it('reads the text of photos while watching: those found at the start and those added later', async () => {
    const dir = tempDir('shoebox-text-watch-');
    const made = await writeTextPhotos(dir);
    const later = made.pop()!;
    const parked = `${tempDir('shoebox-text-later-')}/later.jpg`;
    fs.renameSync(later.file, parked);
    const lib = testLibrary(tempDir());
    const ocr = countingOcr();
    lib.afterSync = textPassHook(() => {}, ocr.recognize);
    await lib.addFolders([dir]);
    await setTextInPhotos(await lib.writable(), true);
    const stop = new AbortController();
    const watching = lib.watch(stop.signal, () => {});
    const until = async (what: () => Promise<boolean>) => {
      for (const end = Date.now() + 120_000; !(await what()); await new Promise((r) => setTimeout(r, 200))) {
        if (Date.now() > end) throw new Error('timed out');
      }
    };
    const store = await lib.writable();
    await until(async () => (await store.photoTextModels()).size === made.length);
    fs.renameSync(parked, later.file);
    await until(async () => ocr.asked.includes(later.file) && (await store.photoTextModels()).size === made.length + 1);
    stop.abort();
    await watching;
    expect(new Set(ocr.asked).size).toBe(ocr.asked.length);
  }, 300_000);

  it('reads nothing after an index run while the setting is off, and everything once it is on', async () => {
    const dir = tempDir('shoebox-text-off-');
    const made = await writeTextPhotos(dir);
    const lib = testLibrary(tempDir());
    const ocr = countingOcr();
    lib.afterSync = textPassHook(() => {}, ocr.recognize);
    await lib.index([dir]);
    expect(ocr.asked).toEqual([]);
    await setTextInPhotos(await lib.writable(), true);
    await lib.index();
    expect(ocr.asked.sort()).toEqual(made.map((m) => m.file).sort());
  }, 300_000);

  it('skips a photo that cannot be read now (a NAS dropping out) and reads it on the next pass', async () => {
    const dir = tempDir('shoebox-text-nas-');
    const made = await writeTextPhotos(dir);
    const lib = testLibrary(tempDir());
    await lib.index([dir]);
    const store = await lib.writable();
    const away = made[0]!.file;
    // What the worker answers when the file read fails with EIO (ocr-image.ts; test/unit/text/ocr-failures.test.ts).
    const dropping = (p: string) => (p === away ? Promise.reject(new OcrError(`${p}: cannot be read now (EIO)`, 'transient')) : recognizeText(p));
    const skips: string[] = [];
    expect(await readMissingText(store, { recognize: dropping, onSkip: (hash) => void skips.push(hash) })).toEqual({ read: made.length - 1, failed: 0, left: 1, paused: false });
    const awayHash = (await store.getPhoto(away))!.hash;
    expect(skips).toEqual([awayHash]);
    // A later slice leaves what was skipped alone (a NAS away would otherwise fill every
    // slice with the same failing reads): not tried, still counted as left.
    const excluded = countingOcr();
    expect(await readMissingText(store, { recognize: excluded.recognize, exclude: new Set(skips) })).toEqual({ read: 0, failed: 0, left: 1, paused: false });
    expect(excluded.asked).toEqual([]);
    const again = countingOcr();
    expect(await readMissingText(store, { recognize: again.recognize })).toEqual({ read: 1, failed: 0, left: 0, paused: false });
    expect(again.asked).toEqual([away]);
    const [row] = await store.getPhotoText([(await store.getPhoto(away))!.hash]);
    expect(row!.error).toBeNull();
  }, 300_000);

  it('reads again the photos read by an older OCR model', async () => {
    const dir = tempDir('shoebox-text-model-');
    const made = await writeTextPhotos(dir);
    const lib = testLibrary(tempDir());
    await lib.index([dir]);
    const store = await lib.writable();
    await readMissingText(store, { recognize: recognizeText });
    const old = made[1]!.file;
    const hash = (await store.getPhoto(old))!.hash;
    const [row] = await store.getPhotoText([hash]);
    await store.putPhotoText([{ ...row!, model: 'an-older-ocr@0' }]);
    const again = countingOcr();
    expect(await readMissingText(store, { recognize: again.recognize })).toEqual({ read: 1, failed: 0, left: 0, paused: false });
    expect(again.asked).toEqual([old]);
    expect((await store.getPhotoText([hash]))[0]!.model).toBe(OCR_MODEL_VERSION);
  }, 300_000);

  it('gets the failure kind back from the OCR worker: what the pass saves, skips or stops on', async () => {
    const dir = tempDir('shoebox-text-kinds-');
    fs.writeFileSync(`${dir}/notes.jpg`, 'not a photo');
    const kind = async (input: string) => ((await recognizeText(input).catch((e: unknown) => e)) as OcrError).kind;
    expect(await kind(`${dir}/notes.jpg`)).toBe('unreadable');
    expect(await kind(`${dir}/gone.jpg`)).toBe('missing');
  }, 300_000);
});
