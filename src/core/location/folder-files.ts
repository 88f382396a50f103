// A local library's files: plain files under a folder, replaced atomically.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../base/atomic-write';
import { withFileLock } from './file-lock';
import { checkKey, libraryFile, type LibraryFile, type LibraryFiles, type Versioned } from './library-files';

export class FolderFiles implements LibraryFiles {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  where(key: string): string {
    return path.join(this.root, ...checkKey(key).split('/'));
  }

  async read(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.where(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async write(key: string, data: Uint8Array | string, options: { durable?: boolean } = {}): Promise<void> {
    await writeFileAtomic(this.where(key), data, options);
  }

  async writeNew(key: string, data: Uint8Array): Promise<boolean> {
    const file = this.where(key);
    if (await exists(file)) return false;
    try {
      // Not flushed one by one: a content-addressed file can be made again.
      await writeFileAtomic(file, data, { durable: false });
    } catch (error) {
      // Another writer won the race (Windows refuses to rename over a file someone has open).
      if (await exists(file)) return false;
      throw error;
    }
    return true;
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.where(key), { force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const start = prefix.replace(/\/+$/, '');
    const dir = start ? this.where(start) : this.root;
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
      throw error;
    });
    return entries
      .filter((e) => e.isFile() && !e.name.startsWith('.')) // hidden: atomic writes' temporary files
      .map((e) => path.relative(this.root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  }

  async readVersioned(key: string): Promise<Versioned> {
    const data = await this.read(key);
    return { data, version: versionOf(data) };
  }

  /** Compare and write under the file's lock (file-lock.ts): no other writer between the two. */
  async writeIfVersion(key: string, data: Uint8Array | string, version: string | null): Promise<boolean> {
    const file = this.where(key);
    return withFileLock(file, async (stillHeld) => {
      if (versionOf(await this.read(key)) !== version) return false;
      await writeFileAtomic(file, data, { beforeReplace: stillHeld });
      return true;
    });
  }

  async stamp(key: string): Promise<string | null> {
    return fs.stat(this.where(key)).then(
      (s) => `${s.ino}:${s.size}:${s.mtimeMs}`,
      () => null,
    );
  }
}

/** A local file given by its path (tests, older callers) or a library's file, as a LibraryFile. */
export function asLibraryFile(target: string | LibraryFile): LibraryFile {
  return typeof target === 'string' ? libraryFile(new FolderFiles(path.dirname(target)), path.basename(target)) : target;
}

/** A file's version: a digest of its bytes (an mtime can repeat within its resolution). */
function versionOf(data: Buffer | null): string | null {
  return data === null ? null : crypto.createHash('sha256').update(data).digest('hex');
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
