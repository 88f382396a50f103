// Which libraries another device may share (the mapped-copy keep rule applies only there): S3,
// or a folder library other than this device's default `<home>/library`, links resolved. A NAS
// mounted under the home and given as --library is shared; the default library reached through
// a link to the home is this device's own.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryLocation } from '../../../src/core/location/library-location';
import { libraryShared } from '../../../src/core/library/mapped-copy-keep';
import { tempDir } from '../../helpers/images';

describe('libraryShared', () => {
  it("is false for the home's own library, also through a link to the home", () => {
    const home = tempDir('shoebox-home-');
    fs.mkdirSync(path.join(home, 'library'));
    const link = path.join(tempDir('shoebox-link-'), 'home');
    fs.symlinkSync(home, link);
    expect(libraryShared(LibraryLocation.local(path.join(home, 'library')), home)).toBe(false);
    expect(libraryShared(LibraryLocation.local(path.join(home, 'library')), link)).toBe(false);
  });

  it('is true for a folder library under the home that is not its library (a NAS mounted there)', () => {
    const home = tempDir('shoebox-home-');
    const nas = path.join(home, 'nas');
    fs.mkdirSync(nas);
    expect(libraryShared(LibraryLocation.local(nas), home)).toBe(true);
  });
});
