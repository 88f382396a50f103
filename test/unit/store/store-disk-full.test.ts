// Every store call's failure goes through explainStoreError: a write LanceDB could not make
// because the disk is full (or over quota) comes out as the system error the rest of Shoebox
// gives (code ENOSPC / EDQUOT, the library folder as its path), which the CLI says as the
// README's sentence, not as Lance's "LanceError(IO): … (os error 28), /usr/local/cargo/…".
// (test/cli/library-disk-full-cli.test.ts fills a real disk.)
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { explainStoreError } from '../../../src/core/store/store-health';
import { diskFailureLine } from '../../../src/cli/disk-failure-line';
import { tempDir } from '../../helpers/images';

/** LanceDB's error for a merge insert the disk refused with OS error `errno` (napi's code, Rust's text). */
function lanceWriteError(errno: number, words: string): Error {
  const io = `LanceError(IO): ${words} (os error ${errno}), /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-file-10.0.0/src/writer.rs:432:9`;
  return Object.assign(new Error(`Failed to execute merge insert: GenericFailure, lance error: ${io}\nCaused by: ${io}\nCaused by: ${words} (os error ${errno})`), { code: 'GenericFailure' });
}

describe('a store write the disk refused', () => {
  const library = tempDir('shoebox-store-full-');
  const places = { home: tempDir('shoebox-store-full-home-'), library, typed: [], addsPhotos: true };

  it('is the system error ENOSPC naming the library folder, said as the one sentence', async () => {
    const lance = lanceWriteError(os.constants.errno.ENOSPC, 'No space left on device');
    const error = await explainStoreError(library, lance);
    expect(error).toMatchObject({ code: 'ENOSPC', path: library, cause: lance });
    expect(diskFailureLine(error, places)).toBe(`the disk holding ${library} is full: photos indexed so far are kept; free some space and run the command again`);
  });

  it.skipIf(os.constants.errno.EDQUOT === undefined)('an exceeded disk quota is EDQUOT', async () => {
    const error = await explainStoreError(library, lanceWriteError(os.constants.errno.EDQUOT!, 'Disk quota exceeded'));
    expect(diskFailureLine(error, places)).toBe(`your disk quota on the disk holding ${library} is used up: photos indexed so far are kept; free some space and run the command again`);
  });

  it('leaves Lance\'s other errors as they are', async () => {
    const other = Object.assign(new Error('Invalid user input: no column named "x"'), { code: 'GenericFailure' });
    expect(await explainStoreError(library, other)).toBe(other);
  });
});
