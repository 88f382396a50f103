// What an import counts as "already in the library": a content the library holds on disk. That
// is a photo row whose file is still where the library has it, at its indexed size, and also a
// file the library recorded as unreadable (a JPEG cut short, a RAW no decoder knows): it has no
// photo row, but it was copied from the card and sits in a library folder. Without the second
// rule the same card imported into another library folder copied its unreadable files again,
// and status counted each failure twice. A file deleted outside Shoebox since (its row or
// failure not yet gone), or changed, is imported again: a card formatted after the import loses nothing.
// Apart from these, a content the user moved to the trash from Shoebox (library/trashed-contents.ts)
// is not held, but not copied back either (`trashed`): the duplicates the user just trashed must
// not come back with the same card, nor their marks (a description, an album place) with them.
import { sha256File } from '../../base/sha256-file';
import { fileSize } from '../../base/file-kind';
import type { LibraryFiles } from '../location/library-files';
import { forgetTrashed, trashedContents, type TrashedContent } from '../library/trashed-contents';
import type { LibraryStore } from '../store/types';

export interface HeldContents {
  /** The contents of these (SHA-256 and size) the library holds. */
  known(contents: readonly { hash: string; size: number }[]): Promise<Set<string>>;
  /** Contents answered as held only as a recorded unreadable file, with that file's path in the library. */
  readonly unreadable: ReadonlyMap<string, string>;
  /**
   * Of these contents (none the library holds), those the user moved to the trash from Shoebox.
   * A note for a content the library has a photo row for now is not one: the user restored it
   * (moved back, indexed again), and deleted it since outside Shoebox, which an import copies again.
   */
  trashed(contents: readonly { hash: string; size: number }[]): Promise<Set<string>>;
  /**
   * Forgets the trash's note of the contents this import met restored (held in the library, or
   * with a photo row: deleted outside Shoebox later, they are copied again) and of `imported`
   * (copied anyway: only those actually copied). Call it when the import is done.
   */
  settle(imported: readonly string[]): Promise<void>;
}

/** One import's lookups: the failures are read once, and hashed only where a card file has their size. */
export function heldContents(store: LibraryStore, files: LibraryFiles): HeldContents {
  const unreadable = new Map<string, string>();
  let noted: Promise<Map<string, TrashedContent>> | null = null; // read once per import
  const notes = () => (noted ??= trashedContents(files).catch(() => new Map<string, TrashedContent>()));
  const heldNow = new Set<string>(); // held, or noted as trashed with a photo row now: restored
  let failures: Promise<Map<number, string[]>> | null = null; // the recorded failures' paths by size
  const failureHashes = new Map<string, string | null>(); // path → its content's hash (null: gone, or unreadable now)
  const hashOf = async (file: string): Promise<string | null> => {
    if (!failureHashes.has(file)) failureHashes.set(file, await sha256File(file).catch(() => null));
    return failureHashes.get(file)!;
  };
  return {
    unreadable,
    async trashed(contents) {
      const trashed = await notes();
      // The same bytes: a size that differs is another content (hashes do not collide, sizes are a check).
      const noted = contents.filter((c) => trashed.get(c.hash)?.size === c.size).map((c) => c.hash);
      if (noted.length === 0) return new Set();
      // A row for it now: restored from the trash, its file deleted outside Shoebox since.
      const rows = await store.libraryPathsByHash(noted);
      const restored = noted.filter((h) => (rows.get(h)?.length ?? 0) > 0);
      for (const h of restored) heldNow.add(h);
      return new Set(noted.filter((h) => !restored.includes(h)));
    },
    async settle(imported) {
      const trashed = await notes();
      const restored = [...heldNow, ...imported].filter((h) => trashed.has(h));
      await forgetTrashed(files, restored);
    },
    async known(contents) {
      const held = await heldAsPhotos(store, contents.map((c) => c.hash));
      for (const h of held) heldNow.add(h);
      const rest = contents.filter((c) => !held.has(c.hash));
      if (rest.length === 0) return held;
      failures ??= store.listFailures().then((all) => {
        const bySize = new Map<number, string[]>();
        for (const f of all) bySize.set(f.size, [...(bySize.get(f.size) ?? []), f.path]);
        return bySize;
      });
      const recorded = await failures;
      for (const { hash, size } of rest) {
        // The file still there at the size recorded, and the same bytes (a size alone proves nothing).
        for (const file of recorded.get(size) ?? []) {
          if (fileSize(file) !== size || (await hashOf(file)) !== hash) continue;
          held.add(hash);
          unreadable.set(hash, file);
          break;
        }
      }
      return held;
    },
  };
}

/** The contents of a photo row still on disk where the library has it, at its indexed size. */
async function heldAsPhotos(store: LibraryStore, hashes: readonly string[]): Promise<Set<string>> {
  const byHash = await store.libraryPathsByHash(hashes);
  const rows = await store.photosByPath([...byHash.values()].flat());
  const held = new Set<string>();
  for (const [hash, paths] of byHash) {
    if (paths.some((p) => rows.get(p) && fileSize(p) === rows.get(p)!.size)) held.add(hash);
  }
  return held;
}
