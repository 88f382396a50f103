// The note on the app's saved S3 library goes with every refusal of the keys the core makes,
// told by the error's code, not by its words: half a key pair in the environment
// ("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not") is as much the CLI's missing
// keys as none at all, and a reworded line still gets the note.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryLocationError } from '../../src/core/index';
import { resolveS3Settings } from '../../src/core/location/s3-settings';
import { s3LocationError } from '../../src/core/location/s3-client';
import type { LibraryLocation } from '../../src/core/location/library-location';
import { withSavedLibraryNote } from '../../src/cli/saved-library-note';
import { tempDir } from '../helpers/images';

const NOTE = "s3://family/photos is the desktop app's library, chosen in Settings → Library";

function homeChoosing(choice: object): string {
  const home = tempDir('shoebox-note-codes-');
  fs.writeFileSync(path.join(home, 'library-choice.json'), JSON.stringify(choice));
  return home;
}

/** The core's own refusal for these variables (no AWS files: an empty home). */
async function refusal(env: NodeJS.ProcessEnv): Promise<unknown> {
  const home = tempDir('shoebox-note-aws-');
  const files = { HOME: home, AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none'), AWS_CONFIG_FILE: path.join(home, 'none-config') };
  return resolveS3Settings('s3://family/photos', { ...files, ...env }).then(
    () => expect.unreachable('keys were found'),
    (error: unknown) => error,
  );
}

describe("the note on the app's S3 library, by the core's code", () => {
  const s3Home = homeChoosing({ kind: 's3', bucket: 'family', prefix: 'photos' });

  it('goes with half a key pair in the environment, either half', async () => {
    for (const env of [{ AWS_SECRET_ACCESS_KEY: 'secret-value' }, { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' }]) {
      const error = (await refusal(env)) as Error;
      expect(error).toBeInstanceOf(LibraryLocationError);
      const noted = withSavedLibraryNote(error, { home: s3Home }, {}) as Error;
      expect(noted.message.startsWith(error.message)).toBe(true);
      expect(noted.message).toContain(NOTE);
    }
  });

  it('goes with no keys at all, and with keys the server refused', async () => {
    const none = await refusal({});
    expect((withSavedLibraryNote(none, { home: s3Home }, {}) as Error).message).toContain(NOTE);
    const location = { describe: () => 's3://family/photos', secrets: [], s3: { bucket: 'family', prefix: 'photos' } } as unknown as LibraryLocation;
    const denied = s3LocationError(location, { name: 'AccessDenied', message: 'Access Denied' });
    expect((withSavedLibraryNote(denied, { home: s3Home }, {}) as Error).message).toContain(NOTE);
  });

  it('is told by the code, not by the words: reworded, it still goes; the old words without the code get none', () => {
    const reworded = new LibraryLocationError('the S3 keys are incomplete: give both', 'half-keys');
    expect((withSavedLibraryNote(reworded, { home: s3Home }, {}) as Error).message).toContain(NOTE);
    const noted = withSavedLibraryNote(reworded, { home: s3Home }, {}) as LibraryLocationError;
    expect(noted.code).toBe('half-keys');
    const lookalike = new LibraryLocationError('no S3 credentials found for s3://family/photos: but this is another problem');
    expect(withSavedLibraryNote(lookalike, { home: s3Home }, {})).toBe(lookalike);
  });
});
