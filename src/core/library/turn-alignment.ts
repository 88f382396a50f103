// Every model's vectors follow Rotate, not only the one active at the turn: after each index
// run, the contents whose vector (this model's) shows them at another turn than the user's
// now are embedded again (turned-embeddings.ts). Those are the contents turned while another
// model was active, turned on another device, or whose file this device could not read at the
// turn; the store's record of embedded turns tells them apart (embedded-turns-repository.ts).
// Only contents ever turned are compared: nothing is read when no photo was.
import fs from 'node:fs';
import type { LibraryStore, PhotoSummary } from '../store/types';
import type { LibraryService } from './library-service';
import { embedTurned, type TurnedEmbeddings } from './turned-embeddings';

/** The contents whose vector shows them at another turn than the user's, by hash. */
export async function misalignedContents(store: Pick<LibraryStore, 'rotations' | 'embeddedTurns'>): Promise<string[]> {
  const [turns, embedded] = await Promise.all([store.rotations(), store.embeddedTurns()]);
  return [...new Set([...turns.keys(), ...embedded.keys()])].filter((hash) => (turns.get(hash) ?? 0) !== (embedded.get(hash) ?? 0));
}

/** Embeds again, as the user now turns them, the contents of this model's table whose vector shows them otherwise. */
export async function alignTurnedVectors(lib: LibraryService, store: LibraryStore, signal?: AbortSignal): Promise<TurnedEmbeddings> {
  const misaligned = await misalignedContents(store);
  if (misaligned.length === 0) return { embedded: 0, unread: [] };
  // Two queries for them all; a content this model has no row of (gone from the library, or
  // not indexed yet: the indexer embeds it turned) is left out.
  const paths = [...(await store.pathsByHash(misaligned)).values()].flat();
  const rows = await store.photosByPath(paths);
  const contents = new Map<string, PhotoSummary>();
  for (const row of rows.values()) {
    if (typeof row.durationMs === 'number') continue; // videos are not turned
    // A copy on this device, if any (a shared library's rows name other devices' files too).
    const chosen = contents.get(row.hash);
    if (!chosen || (!fs.existsSync(chosen.path) && fs.existsSync(row.path))) contents.set(row.hash, row);
  }
  return embedTurned(lib, store, [...contents.values()], signal);
}
