// A lock beside one file of a local library (".<name>.lock", created exclusively), held while a
// change compares the file's version and writes it: the folder's equivalent of S3's
// conditional PUT, between processes of this machine and devices sharing the folder (a NAS
// share: exclusive create is atomic over SMB and NFSv3+). A holder that died leaves its lock
// behind; a lock older than STALE_MS is taken over (a compare-and-write takes milliseconds).
import fs from 'node:fs/promises';
import path from 'node:path';

const STALE_MS = 30_000;
const WAIT_MS = 10_000;

export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(path.dirname(file), `.${path.basename(file)}.lock`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const until = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await (await fs.open(lock, 'wx')).close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await fs.stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > STALE_MS) await fs.rm(lock, { force: true });
      else if (Date.now() > until) throw new Error(`${file} stays locked by another writer (${lock}): try again, or remove the lock if no Shoebox runs`, { cause: error });
      else await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lock, { force: true });
  }
}
