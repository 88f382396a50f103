// Replaces a file so that a reader, a crash or a full disk sees the old contents or the new,
// never half of either: the data goes to a temporary file in the same folder (a rename is
// atomic only within one file system), which is flushed to disk, then renamed over the
// target, and the folder is flushed so the rename itself survives a power cut (POSIX only:
// Windows cannot open a folder for fsync). When anything fails the old file is left as it
// was and the temporary file is removed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Permission bits of the new file (before the umask); default 0o666, as fs.writeFile. */
  mode?: number;
  /**
   * Flush the file and its folder to disk (default true). False only for data that can be
   * made again (a cache): the write is still all-or-nothing for readers and crashes of the
   * process, but a power cut may lose it.
   */
  durable?: boolean;
  /** Called with the new bytes on disk, just before they replace the file: throwing stops it. */
  beforeReplace?: () => Promise<void>;
}

/** A hidden sibling, so that a folder watcher or scanner passes over it. */
function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
}

export function writeFileAtomicSync(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const durable = options.durable ?? true;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    const fd = fs.openSync(temp, 'wx', options.mode ?? 0o666);
    try {
      fs.writeFileSync(fd, data);
      if (durable) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  if (durable) syncFolderSync(path.dirname(file));
}

export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const durable = options.durable ?? true;
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    const handle = await fsp.open(temp, 'wx', options.mode ?? 0o666);
    try {
      await handle.writeFile(data);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeReplace?.();
    await fsp.rename(temp, file);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
  if (durable) syncFolderSync(path.dirname(file));
}

/**
 * Best effort: the new file is in place whatever happens here; some file systems (and
 * Windows) refuse to fsync a folder, which only weakens the power-cut guarantee there.
 */
function syncFolderSync(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // EISDIR/EINVAL/EPERM on file systems that do not support it.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
