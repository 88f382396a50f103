import path from 'node:path';
import type { Command } from 'commander';
import type { FolderInfo } from '../../shared/api';
import { printJson, printLine, printable } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { countText } from '../../shared/count-text';
import { mappedFolderLine } from '../../shared/mapped-folder-line';

export function registerFolders(program: Command): void {
  const folders = program.command('folders').description('the folders in the library');
  withLibraryOptions(folders.command('list'))
    .description('list library folders')
    .action(async (opts: LibraryCommandOptions, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, 'shoebox folders list', false, 'read');
      try {
        const list = await library.api.listFolders();
        if (opts.json) {
          return printJson(list.map((f) => ({ path: f.path, ...(f.libraryPath ? { libraryPath: f.libraryPath } : {}), ...(f.unreachable ? { unreachable: true } : {}), addedAt: new Date(f.addedAt).toISOString() })));
        }
        for (const f of list) printLine(folderLine(f));
      } finally {
        await library.close();
      }
    });
  withLibraryOptions(folders.command('map'))
    .description("tell this device where a library folder is (a shared library's folder under another path here); kept in this device's home")
    .argument('<folder>', "the library folder, as `folders list` shows it, or a folder above library folders (a share's root: each one under it is mapped)")
    .argument('<path>', 'where that folder is on this device')
    .action(async (folder: string, place: string, opts: LibraryCommandOptions, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, 'shoebox folders map', false, 'read'); // this device's own file: no model needed
      try {
        // A library folder, or the root of a share holding several (the core decides which).
        const here = path.resolve(place);
        const done = await library.api.mapFolders(folder, here);
        // A new place that holds none of the folder's photos is said now (the core checks).
        const holdsNone = (info: FolderInfo) => done.holdingNone?.includes(info.libraryPath ?? info.path) === true;
        const mapped = (info: FolderInfo) => ({ folder: info.libraryPath ?? info.path, path: info.path, photos: info.photos, ...(holdsNone(info) ? { holdsNone: true } : {}) });
        const line = (info: FolderInfo) => mappedFolderLine(printable(info.libraryPath ?? info.path), printable(info.path), info.photos, holdsNone(info));
        if (done.parent === undefined) {
          const info = done.folders[0]!;
          if (opts.json) return printJson(mapped(info));
          return printLine(line(info));
        }
        if (opts.json) return printJson({ under: done.parent, path: here, folders: done.folders.map(mapped) });
        printLine(`mapped ${countText(done.folders.length, 'library folder')} under ${printable(done.parent)} to ${printable(here)}`);
        for (const info of done.folders) printLine(`  ${line(info)}`);
      } finally {
        await library.close();
      }
    });
  withLibraryOptions(folders.command('unmap'))
    .description('forget where this device found a library folder: it is looked for at the library\'s path again')
    .argument('<folder>', "the library folder, as the library keeps it or as `folders list` shows it, or a folder above library folders (each one under it is forgotten)")
    .action(async (folder: string, opts: LibraryCommandOptions, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, 'shoebox folders unmap', false, 'read'); // this device's own file: no model needed
      try {
        // A library folder, or the root of a share holding several (the core decides which).
        // Whether this device mapped them: a folder that was not mapped is said, not "unmapped".
        const done = await library.api.mapFolders(folder, null);
        const unreachable = (info: FolderInfo, indent: string) => {
          if (info.unreachable) printLine(`${indent}not reachable from this device at that path: shoebox folders map ${printable(info.path)} PATH`);
        };
        if (done.parent === undefined) {
          const info = done.folders[0]!;
          const wasMapped = done.wasMapped > 0;
          if (opts.json) return printJson({ folder: info.path, path: info.path, photos: info.photos, wasMapped });
          printLine(wasMapped ? `forgot where this device finds ${printable(info.path)}: it is looked for at that path again` : `${printable(info.path)} was not mapped on this device: nothing to forget`);
          return unreachable(info, '  ');
        }
        if (opts.json) return printJson({ under: done.parent, folders: done.folders.map((f) => ({ folder: f.path, path: f.path, photos: f.photos })), wasMapped: done.wasMapped });
        if (done.wasMapped === 0) return printLine(`no library folder under ${printable(done.parent)} was mapped on this device: nothing to forget`);
        printLine(`forgot where this device finds ${countText(done.wasMapped, 'library folder')} under ${printable(done.parent)}: looked for at the library's paths again`);
        for (const info of done.folders) {
          printLine(`  ${printable(info.path)}`);
          unreachable(info, '    ');
        }
      } finally {
        await library.close();
      }
    });
  withLibraryOptions(folders.command('remove'))
    .description('remove a folder and its photos from the library (the files on disk are not touched)')
    .argument('<folder>', 'library folder')
    .action(async (folder: string, opts: LibraryCommandOptions, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, 'shoebox folders remove');
      try {
        const photos = await library.api.removeFolderCounted(folder);
        // The folder the library removed (the core resolves a relative one against the current
        // folder), not the path as typed: "removed photos2" did not say which.
        const removed = path.resolve(folder);
        if (opts.json) return printJson({ removed, photos });
        // Photos another library folder still covers stay (nested folders).
        printLine(`removed ${printable(removed)} from the library (${countText(photos, 'photo')} with it)`);
      } finally {
        await library.close();
      }
    });
}

/** A folder as this device sees it: its path here, the library's when mapped, and whether it is reachable. */
function folderLine(f: FolderInfo): string {
  const mapped = f.libraryPath ? `\t(library folder ${printable(f.libraryPath)})` : '';
  const note = f.unreachable ? `\t(not reachable from this device: shoebox folders map ${printable(f.libraryPath ?? f.path)} PATH)` : '';
  return `${printable(f.path)}${mapped}${note}`;
}
