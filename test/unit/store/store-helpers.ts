// Shared by the store tests: temp libraries and photo records with hand-made vectors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { LibraryStore } from '../../../src/core/store/types';
import { openLibraryStore } from '../../../src/core/store';
import { MODEL } from './store-photo';

export { MODEL, photo, unit } from './store-photo';

const dirs: string[] = [];
const stores: LibraryStore[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory (removed after the test); the library lives in its `library/`. */
export function tempLibraryDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-store-'));
  dirs.push(dir);
  return path.join(dir, 'library');
}

/** Opens a store that is closed after the test. */
export async function openStore(dir: string, options: Partial<Parameters<typeof openLibraryStore>[1]> = {}): Promise<LibraryStore> {
  const store = await openLibraryStore(dir, { model: MODEL, ...options });
  stores.push(store);
  return store;
}

/** Every file under `dir` with its size and mtime: equal snapshots mean nothing was written. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const stat = fs.statSync(full);
    files.set(full, entry.isDirectory() ? 'dir' : `${stat.size}@${stat.mtimeMs}`);
  }
  return files;
}

/** Paths that stress SQL quoting: quotes, backslashes, newlines, LIKE wildcards, unicode. */
export const AWKWARD_NAMES = [
  "it's.jpg",
  "it''s double.jpg",
  '"quoted".jpg',
  'back\\slash.jpg',
  "back\\'quote.jpg",
  'new\nline.jpg',
  'tab\there.jpg',
  '100%_done.jpg',
  'ünïcödé 写真 😀.jpg',
  "'; DROP TABLE photos; --.jpg",
  ') OR (1=1.jpg',
];
