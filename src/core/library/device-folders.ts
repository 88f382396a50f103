// This device's view of the library's folders (folder-mapping.ts): the mappings kept in the
// home, which folders this device can reach, and the policy of `folders map` and of adding a
// folder whose photos the library already holds under another device's path.
import { shellWord } from '../../base/shell-word';
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryStore } from '../store/types';
import { FolderMap, mappingConflict } from './folder-mapping';
import { readFolderMappings, writeFolderMapping } from './folder-mappings-file';
import { isDirectory } from '../../base/file-kind';

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

/** A mapping the user asked for that cannot be made; one line, exit 1 in the CLI. */
export class FolderMappingError extends Error {
  override name = 'FolderMappingError';
}

/** Photos of an unreachable folder compared with a new folder before it is added. */
const SAME_CONTENT_SAMPLE = 16;


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
    const target = folders.find((f) => f.library === folder || f.device === folder || f.library === path.resolve(folder) || f.device === path.resolve(folder));
    if (!target) throw new FolderMappingError(`not a library folder: ${folder} (shoebox folders list shows them)`);
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
    const target = folders.find((f) => f.library === folder || f.device === folder || f.library === path.resolve(folder) || f.device === path.resolve(folder));
    if (!target) throw new FolderMappingError(`not a library folder: ${folder} (shoebox folders list shows them)`);
    writeFolderMapping(this.home, this.libraryUri, target.library, undefined);
    this.current = undefined;
    return { library: target.library, device: target.library, mapped: false, reachable: isDirectory(target.library) };
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
