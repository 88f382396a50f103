// A folder holding a copy of a library still being made (copy-library's marker) is refused
// as a place to open, in one line, and accepted as a place to copy to (the copy finishes it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLibraryLocation } from '../../../src/core/location/check-location';
import { COPY_MARKER } from '../../../src/core/location/unfinished-copy';
import { tempDir } from '../../helpers/images';

describe('a place holding an unfinished copy', () => {
  it('is refused for opening, and accepted for the copy that finishes it', async () => {
    const home = tempDir('shoebox-unfinished-home-');
    const place = path.join(tempDir('shoebox-unfinished-'), 'nas-library');
    const check = (toOpen: boolean) => checkLibraryLocation(place, { defaultDir: path.join(home, 'library'), env: {}, toOpen });
    await expect(check(true)).resolves.toBeUndefined(); // nothing there yet
    fs.mkdirSync(place);
    fs.writeFileSync(path.join(place, COPY_MARKER), '{}');
    const refused = await check(true).then(() => null, (e: Error) => e.message);
    expect(refused).toBe(`${place} holds a copy of a library that did not finish (${COPY_MARKER} is there): run the same copy again (from the device that started it) to finish it, then open it`);
    await expect(check(false)).resolves.toBeUndefined();
  });
});
