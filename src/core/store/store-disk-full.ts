// LanceDB says a disk that refuses its write in Rust's words, with no error code: "lance error:
// LanceError(IO): No space left on device (os error 28), /usr/local/cargo/registry/…". The rest
// of Shoebox meets a full disk as Node's system error (code ENOSPC), which every front end
// words as one sentence naming the folder (shared/disk-failure-text.ts; the CLI's
// disk-failure-line.ts). So the store's failures are given that error: the code, the library
// folder as its path, Lance's text kept as its cause.
import os from 'node:os';
import { toLocation, type StoreLocation } from './connection';

/** The OS error numbers of a disk refusing every write, by code: the platform's own (os error N is errno N; Windows' are its own). */
const DISK_ERRORS: ReadonlyMap<number, string> = new Map<number, string>(
  process.platform === 'win32'
    ? [[112, 'ENOSPC'], [39, 'ENOSPC']] // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
    : (['ENOSPC', 'EDQUOT', 'EROFS'] as const).flatMap((code) => {
        const errno = os.constants.errno[code] as number | undefined;
        return errno === undefined ? [] : [[errno, code] as [number, string]];
      }),
);

const WORDS: Readonly<Record<string, string>> = { ENOSPC: 'no space left on device', EDQUOT: 'disk quota exceeded', EROFS: 'read-only file system' };

/** The system error for a store call a local library's disk refused (full, over quota, read-only); null for anything else. */
export function storeDiskFailure(where: StoreLocation, error: unknown): NodeJS.ErrnoException | null {
  const location = toLocation(where);
  // Lance's errors carry napi's code ("GenericFailure"); one with a system code is said already.
  if (location.kind === 's3' || !(error instanceof Error) || /^E[A-Z]+$/.test(String((error as NodeJS.ErrnoException).code))) return null;
  for (const match of error.message.matchAll(/\(os error (\d+)\)/g)) {
    const code = DISK_ERRORS.get(Number(match[1]));
    if (!code) continue;
    const dir = location.databaseUri;
    return Object.assign(new Error(`${code}: ${WORDS[code]}, write '${dir}'`, { cause: error }), { code, syscall: 'write', path: dir });
  }
  return null;
}
