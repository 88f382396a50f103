// An S3 library the desktop app chose, opened by the CLI without keys: the keys the app keeps
// are encrypted with its keychain, so the error says where the library came from and how to
// give the CLI keys, never a key. Other libraries' errors stay as they are.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryLocationError } from '../../src/core/index';
import { withSavedLibraryNote } from '../../src/cli/saved-library-note';
import { tempDir } from '../helpers/images';

const noKeys = () => new LibraryLocationError('no S3 credentials found for s3://family/photos: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a [default] profile in /h/.aws/credentials or /h/.aws/config', 'no-keys');
const denied = () => new LibraryLocationError('access denied to s3://family/photos at http://nas.local:9000: check the S3 credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the AWS profile)', 'keys-refused');

function homeChoosing(choice: object): string {
  const home = tempDir('shoebox-note-home-');
  fs.writeFileSync(path.join(home, 'library-choice.json'), JSON.stringify(choice));
  return home;
}

describe("the note on the app's S3 library", () => {
  const s3Home = homeChoosing({ kind: 's3', bucket: 'family', prefix: 'photos', endpoint: 'http://nas.local:9000' });

  it('says the library is the app’s choice and how to give the CLI keys, after the core’s line', () => {
    for (const error of [noKeys(), denied()]) {
      const noted = withSavedLibraryNote(error, { home: s3Home }, {}) as Error;
      expect(noted).toBeInstanceOf(LibraryLocationError);
      expect(noted.message.startsWith(error.message)).toBe(true);
      expect(noted.message).toContain("s3://family/photos is the desktop app's library, chosen in Settings → Library");
      expect(noted.message).toContain('~/.aws/credentials or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
      expect(noted.message).not.toContain('\n');
    }
  });

  it('leaves other errors, and libraries given by --library, SHOEBOX_LIBRARY or a folder choice, as they are', () => {
    const other = new LibraryLocationError('bucket not found: s3://family');
    expect(withSavedLibraryNote(other, { home: s3Home }, {})).toBe(other);
    const error = noKeys();
    expect(withSavedLibraryNote(error, { home: s3Home, library: 's3://family/photos' }, {})).toBe(error);
    expect(withSavedLibraryNote(error, { home: s3Home }, { SHOEBOX_LIBRARY: 's3://family/photos' })).toBe(error);
    expect(withSavedLibraryNote(error, { home: s3Home }, { SHOEBOX_LIBRARY: 's3:/family' })).toBe(error);
    expect(withSavedLibraryNote(error, { home: homeChoosing({ kind: 'local', folder: tempDir() }) }, {})).toBe(error);
  });
});
