// A mapped folder (`folders map`) is often this device's copy of another device's folder, and
// a copy made without keeping times (`cp -r`, a sync tool that sets its own) shows every photo
// with the row's size but another mtime. Taken as changed, each device indexed the photos as
// "updated" in turn, rewriting the shared rows with its own mtime, so the other device saw
// them pending again, forever. So on a mapped folder, and only there, a file whose size is the
// row's but whose mtime is not is compared by content: the row's content is unchanged, and its
// row (the other device's mtime) is left alone. The answer is kept on this device
// (mapped-copy-hashes.ts), so the next run and `status` need only a stat. The device that holds
// the folder at its library path keeps the plain rule: a new mtime is a change.
import { isAtOrInside } from '../../base/path-inside';
import { sha256File } from '../../base/sha256-file';
import type { FileIdentity, FileStamp, MappedCopyHashes } from './mapped-copy-hashes';

/** Files read at once to compare their content (each streamed). */
const READ_AT_ONCE = 4;

/** A file as a scan found it (its inode and ctime: a file replaced in place with the same stamp is read again). */
type Found = FileStamp & FileIdentity & { path: string };
/** What a row says of its file. */
type Row = FileStamp & { hash: string };

/** Whether `file` is in a mapped folder (`mapped`: this device's paths) and differs from its row by its mtime alone. */
function onlyTimeDiffers(file: Found, row: Row, mapped: ReadonlyMap<string, string>): boolean {
  return row.size === file.size && row.mtimeMs !== file.mtimeMs && [...mapped.keys()].some((d) => isAtOrInside(file.path, d));
}

/** What `status` asks (it reads no photo): this device found the row's content in the file as it is now. */
export function knownSameContent(file: Found, row: Row, mapped: ReadonlyMap<string, string>, hashes: MappedCopyHashes): boolean {
  return onlyTimeDiffers(file, row, mapped) && hashes.hashAt(file.path, file) === row.hash;
}

/**
 * What the indexer asks: of `files`, those in a mapped folder that differ from their rows by
 * their mtimes alone and hold their rows' content (unchanged). Known from an earlier run, else
 * read, and the answer kept (`hashes.save()` writes it). A file that cannot be read, or a stop,
 * leaves it out: it is indexed as a changed file, which says why.
 */
export async function sameContentInCopies(files: readonly Found[], rows: ReadonlyMap<string, Row>, mapped: ReadonlyMap<string, string>, hashes: MappedCopyHashes, signal?: AbortSignal): Promise<Set<string>> {
  const same = new Set<string>();
  if (mapped.size === 0) return same;
  const toRead: { file: Found; row: Row }[] = [];
  for (const file of files) {
    const row = rows.get(file.path);
    if (!row || !onlyTimeDiffers(file, row, mapped)) continue;
    const known = hashes.hashAt(file.path, file);
    if (known === undefined) toRead.push({ file, row });
    else if (known === row.hash) same.add(file.path);
  }
  let next = 0;
  const reader = async () => {
    while (next < toRead.length && !signal?.aborted) {
      const { file, row } = toRead[next++]!;
      const hash = await sha256File(file.path, signal).catch(() => undefined);
      if (hash === undefined) continue;
      hashes.remember(file.path, file, hash);
      if (hash === row.hash) same.add(file.path);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AT_ONCE, toRead.length) }, reader));
  return same;
}
