// Every model's vectors follow Rotate, not only the one active at the turn: after each index
// run, the contents whose vector (this model's) shows them at another turn than the user's
// now are embedded again (turned-embeddings.ts). Those are the contents turned while another
// model was active, turned on another device, or whose file this device could not read at the
// turn; the store's record of embedded turns tells them apart (embedded-turns-repository.ts).
// Only contents ever turned are compared: nothing is read when no photo was.
import fs from 'node:fs';
import type { LibraryStore, PhotoRecord } from '../store/types';
import type { LibraryService } from './library-service';
import { embedTurned, type TurnedEmbeddings } from './turned-embeddings';

/** The contents whose vector shows them at another turn than the user's, by hash. */
export async function misalignedContents(store: Pick<LibraryStore, 'rotations' | 'embeddedTurns'>): Promise<string[]> {
  const [turns, embedded] = await Promise.all([store.rotations(), store.embeddedTurns()]);
  return [...new Set([...turns.keys(), ...embedded.keys()])].filter((hash) => (turns.get(hash) ?? 0) !== (embedded.get(hash) ?? 0));
}

/** Embeds again, as the user now turns them, the contents of this model's table whose vector shows them otherwise. */
export async function alignTurnedVectors(lib: LibraryService, store: LibraryStore, signal?: AbortSignal): Promise<TurnedEmbeddings> {
  const contents: PhotoRecord[] = [];
  for (const hash of await misalignedContents(store)) {
    if (signal?.aborted) break;
    // Videos are not turned; a content this model has no row of is embedded turned when indexed.
    const rows = (await store.photosByHash(hash)).filter((r) => typeof r.durationMs !== 'number');
    // A copy on this device, if any (a shared library's rows name other devices' files too).
    const here = rows.find((r) => fs.existsSync(r.path)) ?? rows[0];
    if (here) contents.push(here);
  }
  return embedTurned(lib, store, contents);
}
