// This device's view of the library's folders (folder-mapping.ts): the mappings kept in the
// home, which folders this device can reach, and the policy of `folders map` and of adding a
// folder whose photos the library already holds under another device's path.
import { shellWord } from '../../base/shell-word';
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryStore } from '../store/types';
import { FolderMap, isBelow, mappingConflict, rebase } from './folder-mapping';
import { readFolderMappings, writeFolderMapping, writeFolderMappings } from './folder-mappings-file';
import { fileSize, isDirectory } from '../../base/file-kind';

/** A library folder as this device sees it. */
export interface DeviceFolder {
  /** The folder as the library keeps it. */
  library: string;
  /** Where it is on this device: the mapped path, else the library's. */
  device: string;
  mapped: boolean;
  /** This device finds a folder there now (false: not mapped here, or not mounted). */
  reachable: boolean;
}

/** What `folders map`/`unmap` did: to the library folder named, or to every library folder
 *  under the folder named when that is not one itself (a share's root). */
export interface DeviceFoldersMapped {
  /** The folder named, when it is not a library folder but holds these; absent when it is one. */
  parent?: string;
  /** The library folders mapped (or whose mappings were forgotten), as this device sees them now. */
  folders: DeviceFolder[];
  /** Of `folders`, how many this device had mapped before. */
  wasMapped: number;
}

/** A mapping the user asked for that cannot be made; one line, exit 1 in the CLI. */
export class FolderMappingError extends Error {
  override name = 'FolderMappingError';
}

/** The library folder `folder` names: as the library keeps it or as this device shows it, as typed or resolved. */
function namedFolder(folders: readonly DeviceFolder[], folder: string): DeviceFolder | undefined {
  const names = [folder, path.resolve(folder)];
  return folders.find((f) => names.includes(f.library) || names.includes(f.device));
}

/**
 * The library folders below `folder` (a share's root, not a library folder itself): those whose
 * library paths lie below it, else those whose paths on this device do (the root as this device
 * mapped it before). `parent`: `folder` as it matched, typed or resolved.
 */
function foldersUnder(folders: readonly DeviceFolder[], folder: string): { parent: string; byDevicePath: boolean; folders: DeviceFolder[] } | undefined {
  const names = [...new Set([folder, path.resolve(folder)])];
  for (const byDevicePath of [false, true]) {
    for (const parent of names) {
      const below = folders.filter((f) => isBelow(byDevicePath ? f.device : f.library, parent));
      if (below.length) return { parent, byDevicePath, folders: below };
    }
  }
  return undefined;
}

function notLibraryFolder(folder: string): FolderMappingError {
  return new FolderMappingError(`not a library folder: ${folder} (shoebox folders list shows them)`);
}

/** Photos of an unreachable folder compared with a new folder before it is added. */
const SAME_CONTENT_SAMPLE = 16;
/** Photos of a folder just mapped looked for at its new place (the first one found ends the look). */
const NEW_PLACE_SAMPLE = 256;


export class DeviceFolders {
  private current: FolderMap | undefined;

  constructor(
    private readonly home: string,
    /** The library's URI: mappings are per library. */
    private readonly libraryUri: string,
  ) {}

  /** The mappings, read from the home once and kept in step with `map`/`unmap`. */
  map(): FolderMap {
    this.current ??= new FolderMap(readFolderMappings(this.home, this.libraryUri));
    return this.current;
  }

  /**
   * The library's folders as this device sees them. `store` must be the mapped store
   * (mapped-store.ts), which lists this device's paths.
   */
  async list(store: Pick<LibraryStore, 'listFolders'>): Promise<DeviceFolder[]> {
    const map = this.map();
    return (await store.listFolders()).map((f) => {
      const library = map.toLibrary(f.path);
      return { library, device: f.path, mapped: library !== f.path, reachable: isDirectory(f.path) };
    });
  }

  /**
   * Maps the library folder `folder` (as the library keeps it, or as this device shows it now)
   * to `device`, a folder of this device. Mapping a folder to its own path forgets the mapping.
   */
  async mapFolder(store: Pick<LibraryStore, 'listFolders'>, folder: string, device: string): Promise<DeviceFolder> {
    const folders = await this.list(store);
    const target = namedFolder(folders, folder);
    if (!target) throw notLibraryFolder(folder);
    const abs = path.resolve(device);
    if (!fs.existsSync(abs)) throw new FolderMappingError(`folder not found: ${abs}`);
    if (!isDirectory(abs)) throw new FolderMappingError(`not a folder: ${abs}`);
    const others = new Map(folders.filter((f) => f !== target).map((f) => [f.library, f.device]));
    const conflict = mappingConflict(target.library, abs, others);
    if (conflict) throw new FolderMappingError(`cannot map ${target.library} to ${abs}: ${conflict}`);
    writeFolderMapping(this.home, this.libraryUri, target.library, abs);
    this.current = undefined;
    return { library: target.library, device: abs, mapped: abs !== target.library, reachable: true };
  }

  /** Forgets this device's mapping of `folder`: it is looked for at the library's path again. */
  async unmapFolder(store: Pick<LibraryStore, 'listFolders'>, folder: string): Promise<DeviceFolder> {
    const folders = await this.list(store);
    const target = namedFolder(folders, folder);
    if (!target) throw notLibraryFolder(folder);
    writeFolderMapping(this.home, this.libraryUri, target.library, undefined);
    this.current = undefined;
    return { library: target.library, device: target.library, mapped: false, reachable: isDirectory(target.library) };
  }

  /**
   * `folders map FOLDER PLACE` (`device` null: `folders unmap FOLDER`). A library folder is
   * mapped alone (mapFolder). A folder that is not one but holds library folders (the root of a
   * share mounted under another path on this device) has each of them mapped to `device` + its
   * path below `folder`, each checked as mapFolder checks one, and written in one go: if any
   * cannot be mapped, none is, and the refusal names each that cannot. Unmapping it forgets
   * the mappings of the folders under it. A folder that holds none is refused as before.
   */
  async mapFolders(store: Pick<LibraryStore, 'listFolders'>, folder: string, device: string | null): Promise<DeviceFoldersMapped> {
    const folders = await this.list(store);
    const own = namedFolder(folders, folder);
    if (own) {
      const done = device === null ? await this.unmapFolder(store, folder) : await this.mapFolder(store, folder, device);
      return { folders: [done], wasMapped: own.mapped ? 1 : 0 };
    }
    const under = foldersUnder(folders, folder);
    if (!under) throw notLibraryFolder(folder);
    const wasMapped = under.folders.filter((f) => f.mapped).length;
    if (device === null) {
      writeFolderMappings(this.home, this.libraryUri, new Map(under.folders.map((f) => [f.library, undefined])));
      this.current = undefined;
      return { parent: under.parent, folders: under.folders.map((f) => ({ library: f.library, device: f.library, mapped: false, reachable: isDirectory(f.library) })), wasMapped };
    }
    const root = path.resolve(device);
    if (!fs.existsSync(root)) throw new FolderMappingError(`folder not found: ${root}`);
    if (!isDirectory(root)) throw new FolderMappingError(`not a folder: ${root}`);
    const wanted = new Map(under.folders.map((f) => [f.library, rebase(under.byDevicePath ? f.device : f.library, under.parent, root)]));
    // Every library folder where it would be on this device once these are mapped: the new
    // places must stay apart from each other and from the other folders, as for one.
    const after = new Map(folders.map((f) => [f.library, wanted.get(f.library) ?? f.device]));
    const problems: string[] = [];
    for (const [library, place] of wanted) {
      const why = !fs.existsSync(place) ? 'folder not found' : !isDirectory(place) ? 'not a folder' : mappingConflict(library, place, after);
      if (why) problems.push(`cannot map ${library} to ${place}: ${why}`);
    }
    if (problems.length) throw new FolderMappingError(`nothing mapped under ${under.parent}: ${problems.join('; ')}`);
    writeFolderMappings(this.home, this.libraryUri, wanted);
    this.current = undefined;
    return { parent: under.parent, folders: [...wanted].map(([library, place]) => ({ library, device: place, mapped: place !== library, reachable: true })), wasMapped };
  }

  /**
   * Of `mapped` (folders just mapped, with their new places), the library paths of those whose
   * new place holds none of their photos: empty (not synced yet, not mounted) or another folder.
   * Said by `folders map`, not refused: the user may be about to sync. `store`: the mapped
   * store, which lists the photos under the new places now. Up to 256 photos a folder are
   * looked for (stat() only); one found is enough.
   */
  async holdingNone(store: Pick<LibraryStore, 'listPhotos'>, mapped: readonly DeviceFolder[]): Promise<string[]> {
    const none: string[] = [];
    for (const f of mapped) {
      const photos = await store.listPhotos({ folder: f.device, limit: NEW_PLACE_SAMPLE });
      if (photos.length > 0 && !photos.some((p) => fileSize(p.path) !== null)) none.push(f.library);
    }
    return none;
  }

  /**
   * What adding `folder` does when the library already holds its photos under a folder this
   * device cannot reach (another device's path for the same NAS share): adding it would list
   * every photo twice, once unreachable. It is refused with the mapping to make instead. Same
   * photos: at least half of up to 16 of that folder's photos (and 2, unless it has only one)
   * are at the same relative path under `folder` with the same size. Nothing is read but stat().
   */
  async refuseSameContent(store: Pick<LibraryStore, 'listFolders' | 'listPhotos'>, folder: string): Promise<void> {
    for (const f of await this.list(store)) {
      if (f.reachable) continue;
      const total = await store.listPhotos({ folder: f.device, limit: SAME_CONTENT_SAMPLE });
      if (total.length === 0) continue;
      let same = 0;
      for (const photo of total) {
        const rel = path.relative(f.device, photo.path);
        const here = path.join(folder, rel);
        const st = fs.statSync(here, { throwIfNoEntry: false });
        if (st?.isFile() && st.size === photo.size) same++;
      }
      if (same >= Math.min(2, total.length) && same * 2 >= total.length) {
        throw new FolderMappingError(
          `${folder} holds the photos of the library folder ${f.library}, which this device cannot reach: map it instead (shoebox folders map ${shellWord(f.library)} ${shellWord(folder)})`,
        );
      }
    }
  }
}
