// A folder holding a copy of a library still being made (copy-library's marker) is refused
// as a place to open, in one line, and accepted as a place to copy to (the copy finishes it).
// The line says where the copy can be finished: a library on S3 from any device (the same
// library wherever it is copied from), a folder library only on the device it is on.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLibraryLocation } from '../../../src/core/location/check-location';
import { COPY_MARKER } from '../../../src/core/location/unfinished-copy';
import { tempDir } from '../../helpers/images';

function place(marker: string | null): { place: string; check: (toOpen: boolean) => Promise<void> } {
  const home = tempDir('shoebox-unfinished-home-');
  const dir = path.join(tempDir('shoebox-unfinished-'), 'nas-library');
  if (marker !== null) {
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, COPY_MARKER), marker);
  }
  return { place: dir, check: (toOpen) => checkLibraryLocation(dir, { defaultDir: path.join(home, 'library'), env: {}, toOpen }) };
}

const refusal = (check: (toOpen: boolean) => Promise<void>) => check(true).then(() => null, (e: Error) => e.message);

describe('a place holding an unfinished copy', () => {
  it('is refused for opening, and accepted for the copy that finishes it', async () => {
    await expect(place(null).check(true)).resolves.toBeUndefined(); // nothing there yet
    const { place: dir, check } = place(JSON.stringify({ from: '/home/me/.shoebox/library', host: 'laptop', id: 'x', startedAt: '2026-12-01T10:00:00.000Z' }));
    expect(await refusal(check)).toBe(`${dir} holds a copy of a library that did not finish (${COPY_MARKER} is there): run the same copy again (on laptop, the device that started it) to finish it, then open it`);
    await expect(check(false)).resolves.toBeUndefined();
  });

  it('of a library on S3: finished from any device', async () => {
    const { place: dir, check } = place(JSON.stringify({ from: 's3://family/shoebox', host: 'laptop', id: 'x', startedAt: '' }));
    expect(await refusal(check)).toBe(`${dir} holds a copy of a library that did not finish (${COPY_MARKER} is there): run the same copy again (from any device) to finish it, then open it`);
  });

  it('with a marker that says nothing of use: both are said', async () => {
    const { place: dir, check } = place('{}');
    expect(await refusal(check)).toBe(
      `${dir} holds a copy of a library that did not finish (${COPY_MARKER} is there): run the same copy again (from any device for a library copied from S3, else from the device that started it) to finish it, then open it`,
    );
  });
});
