// Which OCR failures the reading pass records for good and which it retries
// (src/core/ocr/ocr-error.ts): a file that cannot be read now (EIO, EACCES, ESTALE: a NAS
// dropping out) is `transient`, bytes that are not an image are `unreadable`, a missing file
// is `missing`. The OS errors are injected into the file read; the decoding is real.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OcrError } from '../../../src/core/ocr';
import { readRgb } from '../../../src/core/ocr/ocr-image';
import { tempDir } from '../../helpers/images';

afterEach(() => vi.restoreAllMocks());

async function failure(file: string): Promise<OcrError> {
  const err: unknown = await readRgb(file).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(OcrError);
  return err as OcrError;
}

describe('OCR failure kinds', () => {
  it.each(['EIO', 'EACCES', 'ESTALE', 'EBUSY', 'ETIMEDOUT'])('a file read failing with %s is transient', async (code) => {
    const file = path.join(tempDir('shoebox-ocr-fail-'), 'photo.jpg');
    fs.writeFileSync(file, 'x');
    vi.spyOn(fs.promises, 'readFile').mockRejectedValueOnce(Object.assign(new Error(`${code}: injected`), { code }));
    const err = await failure(file);
    expect(err.kind).toBe('transient');
    expect(err.message).toContain(code);
  });

  it('bytes that are not an image are unreadable, a missing file is missing', async () => {
    const dir = tempDir('shoebox-ocr-fail-');
    fs.writeFileSync(path.join(dir, 'broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect((await failure(path.join(dir, 'broken.jpg'))).kind).toBe('unreadable');
    fs.writeFileSync(path.join(dir, 'notes.jpg'), 'plain text, not a photo');
    expect((await failure(path.join(dir, 'notes.jpg'))).kind).toBe('unreadable');
    expect((await failure(path.join(dir, 'gone.jpg'))).kind).toBe('missing');
  });
});
