// What the user moved to the trash from Shoebox (the duplicates trash, the app's and the
// viewer's Trash…), by content: SHA-256 and size. An import reads it (api/import-held.ts) so
// that the same card imported again does not bring back the photos the user just trashed,
// with their marks (a description, an album place), which stay with their content. A photo
// deleted outside Shoebox is not here, so a card formatted after an import still loses nothing.
//
// One library file, beside the duplicate decisions: every device of a shared library sees
// it. Changed read-change-write with writeIfVersion, so two writers never lose an entry. Only
// contents that left the library are noted (a copy that stays elsewhere holds it anyway).
import path from 'node:path';
import type { LibraryFiles } from '../location/library-files';
import { keepRemovedRows, type RemovedRowsLibrary } from './keep-removed-rows';

/** Its key among the library's files (copy-library carries it with the rest). */
export const TRASHED_CONTENTS_KEY = 'trashed-contents.json';
const KEY = TRASHED_CONTENTS_KEY;
const FORMAT_VERSION = 1;
/** The newest entries kept: a library trashing more than this forgets the oldest (they are imported again). */
const MAX_ENTRIES = 100_000;

export interface TrashedContent {
  hash: string;
  size: number;
  /** The trashed file's name, for messages. */
  name: string;
  /** When it was trashed, epoch ms. */
  at: number;
}

/** The contents noted as trashed, by hash. A file that cannot be read is none noted (imports copy as before). */
export async function trashedContents(files: LibraryFiles): Promise<Map<string, TrashedContent>> {
  return new Map(parse((await files.read(KEY))?.toString('utf8')).map((e) => [e.hash, e]));
}

/** Adds these contents (a content trashed again keeps its newest entry). */
export async function noteTrashed(files: LibraryFiles, added: readonly TrashedContent[]): Promise<void> {
  if (added.length === 0) return;
  await change(files, (entries) => {
    const byHash = new Map(entries.map((e) => [e.hash, e]));
    for (const e of added) {
      byHash.delete(e.hash);
      byHash.set(e.hash, e);
    }
    return [...byHash.values()].slice(-MAX_ENTRIES);
  });
}

/** Forgets these contents: restored and indexed again, or imported anyway (`--include-trashed`). */
export async function forgetTrashed(files: LibraryFiles, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  const gone = new Set(hashes);
  await change(files, (entries) => entries.filter((e) => !gone.has(e.hash)));
}

/**
 * What the trash hands as `keepRemoved` (dupes/trash-duplicates.ts): the rows kept for a
 * restore (keep-removed-rows.ts), and the contents noted here. Called right before the rows
 * go, with the moved photos whose content leaves the library. Never throws: a note that
 * cannot be written means only that a later import copies the photo again, as before.
 */
export function keepTrashedRows(lib: RemovedRowsLibrary & { readonly files: LibraryFiles }): (paths: readonly string[]) => Promise<void> {
  const keepRows = keepRemovedRows(lib);
  return async (paths) => {
    await keepRows(paths);
    try {
      const rows = await (await lib.writable()).photosByPath(paths);
      const at = Date.now();
      await noteTrashed(lib.files, [...rows.values()].map((r) => ({ hash: r.hash, size: r.size, name: path.basename(r.path), at })));
    } catch {
      // see above
    }
  };
}

async function change(files: LibraryFiles, edit: (entries: TrashedContent[]) => TrashedContent[]): Promise<void> {
  for (;;) {
    const { data, version } = await files.readVersioned(KEY);
    const entries = edit(parse(data?.toString('utf8')));
    if (await files.writeIfVersion(KEY, JSON.stringify({ version: FORMAT_VERSION, contents: entries }), version)) return;
  }
}

function parse(text: string | undefined): TrashedContent[] {
  if (!text) return [];
  try {
    const value = JSON.parse(text) as { contents?: unknown };
    if (!Array.isArray(value.contents)) return [];
    return value.contents.filter((e): e is TrashedContent => {
      const c = e as Partial<TrashedContent> | null;
      return typeof c?.hash === 'string' && typeof c.size === 'number' && typeof c.name === 'string' && typeof c.at === 'number';
    });
  } catch {
    return []; // not ours, or damaged: holds no user data, imports copy as before
  }
}
