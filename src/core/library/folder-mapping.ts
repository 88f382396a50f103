// Library folders as this device sees them. Devices that share a library see its folders under
// different paths (the NAS at /mnt/nas on one laptop, /Volumes/photos on another). The library
// keeps every path as its folder was first added; each device keeps its own mapping from a
// library folder to where that folder is here (folder-mappings-file.ts, in the home), and the
// engine works in this device's paths: rows are written and matched under the library's path,
// shown under this device's. Pure string work: paths are compared as the library stores them
// (absolute, normal form), with either separator style, so a library made on Windows can be
// mapped on a Mac and the reverse.

export interface FolderMapping {
  /** The library folder as the library keeps it. */
  library: string;
  /** Where that folder is on this device. */
  device: string;
}

/** Windows paths (`C:\photos`, `\\nas\share`) use `\`, others `/`. */
function separatorOf(p: string): '/' | '\\' {
  return /^[A-Za-z]:\\/.test(p) || p.startsWith('\\\\') ? '\\' : '/';
}

/** `p` is `folder` or lies below it (by whole path components). */
function atOrUnder(p: string, folder: string, separator: string): boolean {
  if (p === folder) return true;
  const prefix = folder.endsWith(separator) ? folder : folder + separator;
  return p.startsWith(prefix);
}

/** `p` lies below `folder` (by whole path components; not `folder` itself): a library folder
 *  under a share's root that `folders map ROOT PLACE` maps with it (device-folders.ts). */
export function isBelow(p: string, folder: string): boolean {
  return p !== folder && atOrUnder(p, folder, separatorOf(folder));
}

/** `p` with its `from` prefix replaced by `to`, the rest's separators made `to`'s. */
export function rebase(p: string, from: string, to: string): string {
  if (p === from) return to;
  const fromSep = separatorOf(from);
  const toSep = separatorOf(to);
  const rest = p.slice(from.endsWith(fromSep) ? from.length : from.length + 1);
  const parts = fromSep === toSep ? rest : rest.split(fromSep).join(toSep);
  return (to.endsWith(toSep) ? to : to + toSep) + parts;
}

export class FolderMap {
  readonly mappings: readonly FolderMapping[];

  constructor(mappings: readonly FolderMapping[]) {
    // A mapping to the folder's own path is no mapping.
    this.mappings = mappings.filter((m) => m.library !== m.device);
  }

  get empty(): boolean {
    return this.mappings.length === 0;
  }

  /** A library path as this device sees it (unchanged outside every mapped folder). */
  toDevice(p: string): string {
    const m = this.mappings.find((x) => atOrUnder(p, x.library, separatorOf(x.library)));
    return m ? rebase(p, m.library, m.device) : p;
  }

  /** A path of this device as the library keeps it (unchanged outside every mapped folder). */
  toLibrary(p: string): string {
    const m = this.mappings.find((x) => atOrUnder(p, x.device, separatorOf(x.device)));
    return m ? rebase(p, m.device, m.library) : p;
  }

  /** Where a library folder is on this device, if it is mapped. */
  deviceOf(libraryFolder: string): string | undefined {
    return this.mappings.find((m) => m.library === libraryFolder)?.device;
  }

  /** Which library folder is mapped to this device path, if any. */
  libraryOf(deviceFolder: string): string | undefined {
    return this.mappings.find((m) => m.device === deviceFolder)?.library;
  }
}

/**
 * Why `device` cannot be where `library` is on this device, or null. Every library folder's
 * path on this device must stay apart from every other's (none at, inside or around another),
 * as library folders never nest, and so that a device path names one library path.
 * `devicePaths`: the other library folders' paths on this device.
 */
export function mappingConflict(library: string, device: string, devicePaths: ReadonlyMap<string, string>): string | null {
  for (const [other, otherDevice] of devicePaths) {
    if (other === library) continue;
    const s = separatorOf(device);
    if (atOrUnder(device, otherDevice, s) || atOrUnder(otherDevice, device, s)) {
      return otherDevice === other ? `it overlaps the library folder ${other}` : `it overlaps ${otherDevice}, where the library folder ${other} is on this device`;
    }
  }
  return null;
}
