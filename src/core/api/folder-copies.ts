// For the folder list: each folder this device cannot reach whose photos are all in the
// library again under another library folder (moved there?: library/moved-folder.ts), so the
// app can offer to drop the old entries. Asked at every refresh of the list, it reads every
// photo's state only when a folder out of reach has its parent on this device (another
// device's folders never do), and once per version of the photos. Only a hint: a read that
// fails gives none, never a failed folder list.
import { isAtOrInside } from '../../base/path-inside';
import { copiesElsewhere, parentHere } from '../library/moved-folder';
import type { LibraryStore } from '../store/types';

export class FolderCopies {
  private last: { key: string; copies: Map<string, string> } | null = null;

  /** Folder (of `unreachable`) → where copies of all its photos lie. */
  async of(store: LibraryStore, folders: readonly string[], unreachable: readonly string[]): Promise<Map<string, string>> {
    const candidates = unreachable.filter(parentHere);
    if (candidates.length === 0) return new Map();
    return this.read(store, folders, unreachable, candidates).catch(() => new Map());
  }

  private async read(store: LibraryStore, folders: readonly string[], unreachable: readonly string[], candidates: readonly string[]): Promise<Map<string, string>> {
    const key = JSON.stringify([await store.photosVersion(), folders, unreachable]);
    if (this.last?.key === key) return this.last.copies;
    const states = await store.photoStates();
    const seen = (p: string) => !unreachable.some((u) => isAtOrInside(p, u));
    const copies = new Map<string, string>();
    for (const folder of candidates) {
      const at = copiesElsewhere(states, folder, folders, seen);
      if (at !== null) copies.set(folder, at);
    }
    this.last = { key, copies };
    return copies;
  }
}
