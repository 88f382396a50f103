// A library folder this device sees at another path (`folders map`) is often not the folder
// itself but this device's copy of it: a sync that lags, a mount that shows less. A photo
// missing from that copy says nothing about the folder another device indexed: removing it
// dropped photos (and their place in lists) that device still has, and a watcher's catch-up
// did it with no command. So on a mapped folder a missing photo is kept, unless this run
// committed its content at another path on this device (a move or rename here: the old row
// goes, as ever). The device that holds the folder at its library path removes photos deleted
// there; `shoebox index --remove-missing` removes them here (every device maps the folder).
// Only where another device may hold the folder (libraryShared): a library in this device's
// home is its own, and a mapping there is its own folder at a new place (a disk moved, a drive
// letter changed: Locate folder…), whose deleted photos would otherwise stay forever.
import fs from 'node:fs';
import path from 'node:path';
import { isAtOrInside } from '../../base/path-inside';
import { shellWord } from '../../base/shell-word';
import { countText } from '../../shared/count-text';
import type { LibraryLocation } from '../location/library-location';
import type { PhotoState } from '../store/types';
import type { FolderMap } from './folder-mapping';

/** Photos of a mapped folder kept though this device's copy lacks them. */
export interface KeptNotInCopy {
  /** The folder as the library keeps it. */
  folder: string;
  /** Where this device sees it. */
  copy: string;
  kept: number;
}

/**
 * Whether another device may hold this library's folders: a library on S3, or a folder library
 * outside this device's data folder (a NAS mount, a synced folder). The default library,
 * `<home>/library`, is this device's own.
 */
export function libraryShared(location: LibraryLocation, home: string): boolean {
  // The default library exactly (links resolved): a NAS mounted somewhere under the home, given
  // as --library, is shared all the same, and a home reached through a link is still this one.
  return location.kind === 's3' || realPath(location.uri) !== realPath(path.join(home, 'library'));
}

/** The path with its links resolved, or as given (resolved) where it does not exist (yet). */
function realPath(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** The library folders (this device's paths) that this device sees at another path, each with its library path. */
export function mappedFolders(deviceFolders: readonly string[], map: FolderMap): ReadonlyMap<string, string> {
  const mapped = new Map<string, string>();
  for (const device of deviceFolders) {
    const library = map.toLibrary(device);
    if (library !== device) mapped.set(device, library);
  }
  return mapped;
}

/**
 * Of the rows about to be removed (`gone`, this device's paths), those under a mapped folder
 * whose content this run did not commit at another path on this device (`seenHere`: a move
 * or rename here; not a file found unchanged, which another device's copy of it leaves as it
 * was): kept, counted per folder.
 */
export function keptNotInCopy(
  gone: readonly string[],
  states: ReadonlyMap<string, PhotoState>,
  mapped: ReadonlyMap<string, string>,
  seenHere: ReadonlySet<string>,
): { kept: Set<string>; folders: KeptNotInCopy[] } {
  const kept = new Set<string>();
  const byFolder = new Map<string, KeptNotInCopy>();
  if (mapped.size === 0) return { kept, folders: [] };
  for (const p of gone) {
    const hash = states.get(p)?.hash;
    if (hash !== undefined && seenHere.has(hash)) continue; // moved or renamed on this device
    const copy = [...mapped.keys()].find((d) => isAtOrInside(p, d));
    if (copy === undefined) continue;
    kept.add(p);
    const entry = byFolder.get(copy) ?? { folder: mapped.get(copy)!, copy, kept: 0 };
    entry.kept++;
    byFolder.set(copy, entry);
  }
  return { kept, folders: [...byFolder.values()] };
}

/** What a run says once for each mapped folder whose missing photos it kept. */
export function keptNotInCopyLine(k: KeptNotInCopy): string {
  const them = k.kept === 1 ? 'it if it was' : 'them if they were';
  return `${countText(k.kept, 'photo')} of ${k.folder} ${k.kept === 1 ? 'is' : 'are'} not in this device's copy at ${k.copy}: kept (the device that holds the folder at its library path removes photos deleted there; shoebox index --remove-missing ${shellWord(k.copy)} removes ${them} deleted)`;
}

/**
 * A watch's memory of the kept lines it said (one per watch, across its sessions): a catch-up
 * at each lease taken back said the same line again every few minutes. A folder's line is said
 * again when its count changes, or after a run that looked at the folder whole kept none.
 */
export class KeptNotInCopyLines {
  readonly #said = new Map<string, number>(); // copy -> the count said last

  /** Of a run's kept folders, those to say; `wholeRoots`: the folders the run looked at whole. */
  toSay(folders: readonly KeptNotInCopy[], wholeRoots: readonly string[]): KeptNotInCopy[] {
    const now = new Set(folders.map((k) => k.copy));
    for (const copy of this.#said.keys()) if (!now.has(copy) && wholeRoots.some((r) => isAtOrInside(copy, r))) this.#said.delete(copy);
    const say = folders.filter((k) => this.#said.get(k.copy) !== k.kept);
    for (const k of say) this.#said.set(k.copy, k.kept);
    return say;
  }
}
