// A library folder this device sees at another path (`folders map`) is often not the folder
// itself but this device's copy of it: a sync that lags, a mount that shows less. A photo
// missing from that copy says nothing about the folder another device indexed: removing it
// dropped photos (and their place in lists) that device still has, and a watcher's catch-up
// did it with no command. So on a mapped folder a missing photo is kept, unless this run saw
// its content at another path on this device (a move or rename here: the old row goes, as
// ever). The device that holds the folder at its library path removes photos deleted there.
import { isAtOrInside } from '../../base/path-inside';
import { countText } from '../../shared/count-text';
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
 * whose content this run did not see elsewhere on this device (`seenHere`: contents of the
 * files it found or committed): kept, counted per folder.
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
  return `${countText(k.kept, 'photo')} of ${k.folder} ${k.kept === 1 ? 'is' : 'are'} not in this device's copy at ${k.copy}: kept (the device that holds the folder at its library path removes photos deleted there)`;
}
