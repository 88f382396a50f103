// Why `copy-library` refuses a target, in the one line a user acts on: a folder of the
// library's files is named as such (not "the library itself"), and another copy's marker is
// not called unfinished while that copy may still be running.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyLibrary, type CopySource } from '../../../src/core/api/copy-library';
import { CopyRefusedError } from '../../../src/core/api/copy-refused-error';
import { libraryFilesFor } from '../../../src/core/location/files-for';
import { FolderFiles } from '../../../src/core/location/folder-files';
import { LibraryLocation } from '../../../src/core/location/library-location';
import { COPY_MARKER } from '../../../src/core/location/unfinished-copy';
import { tempDir } from '../../helpers/images';

/** A home's default library: its tables in <home>/library, its files (thumbs/…) in the home. */
function defaultLibrary(): { home: string; source: CopySource } {
  const home = tempDir('shoebox-copy-refused-home-');
  for (const dir of ['library', 'thumbs', 'calibration']) fs.mkdirSync(path.join(home, dir));
  const location = LibraryLocation.local(path.join(home, 'library'));
  return { home, source: { location, files: libraryFilesFor(location, home), hold: async () => {} } };
}

const refusal = (source: CopySource, target: string) =>
  copyLibrary(source, { location: LibraryLocation.local(target), files: new FolderFiles(target) }).then(
    () => null,
    (e: Error) => (e instanceof CopyRefusedError ? e.message : `not refused: ${e.message}`),
  );

describe('a target among the library\'s own folders', () => {
  it("inside the home's thumbs/ is said to lie inside the library's files, naming that folder", async () => {
    const { home, source } = defaultLibrary();
    const target = path.join(home, 'thumbs', 'x');
    expect(await refusal(source, target)).toBe(`${target} lies inside the library's files (${path.join(home, 'thumbs')}): choose another place`);
    expect(await refusal(source, path.join(home, 'calibration'))).toBe(`${path.join(home, 'calibration')} lies inside the library's files (${path.join(home, 'calibration')}): choose another place`);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('inside the library, or holding it, is still the library', async () => {
    const { home, source } = defaultLibrary();
    const inner = path.join(home, 'library', 'inner');
    expect(await refusal(source, inner)).toBe(`${inner} is the library itself, holds it or lies inside it: choose another place`);
    expect(await refusal(source, home)).toBe(`${home} is the library itself, holds it or lies inside it: choose another place`);
  });
});

describe("a target holding another copy's marker", () => {
  const marked = (marker: object) => {
    const target = tempDir('shoebox-copy-refused-target-');
    fs.writeFileSync(path.join(target, COPY_MARKER), JSON.stringify(marker));
    return target;
  };

  it('of a folder library: that copy may still run; stopped, it is finished on its device, or given up', async () => {
    const { source } = defaultLibrary();
    const target = marked({ from: '/tmp/walk/famlocal', host: 'vm', id: 'theirs', startedAt: '2026-12-01T10:00:00.000Z' });
    expect(await refusal(source, target)).toBe(
      `${target} holds a copy of /tmp/walk/famlocal started on vm at 2026-12-01T10:00:00.000Z, which may still be running: let it finish; if it stopped, run that copy again (on vm, the device that started it) to finish it, or remove everything under ${target} to give it up`,
    );
    expect(fs.readdirSync(target)).toEqual([COPY_MARKER]); // nothing written there
  });

  it('of a library on S3: finished from any device', async () => {
    const { source } = defaultLibrary();
    const target = marked({ from: 's3://family/shoebox', host: 'gpubox', id: 'theirs', startedAt: '' });
    expect(await refusal(source, target)).toBe(
      `${target} holds a copy of s3://family/shoebox started on gpubox, which may still be running: let it finish; if it stopped, run that copy again (from any device) to finish it, or remove everything under ${target} to give it up`,
    );
  });
});
