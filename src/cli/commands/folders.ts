import type { Command } from 'commander';
import { printJson, printLine } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';

export function registerFolders(program: Command): void {
  const folders = program.command('folders').description('the folders in the library');
  withLibraryOptions(folders.command('list'))
    .description('list library folders')
    .action(async (opts: LibraryCommandOptions, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, 'shoebox folders list');
      try {
        const list = await library.api.listFolders();
        if (opts.json) return printJson(list.map((f) => ({ path: f.path, addedAt: new Date(f.addedAt).toISOString() })));
        for (const f of list) printLine(f.path);
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
        if (opts.json) return printJson({ removed: folder, photos });
        // Photos another library folder still covers stay (nested folders).
        printLine(`removed ${folder} from the library (${photos} ${photos === 1 ? 'photo' : 'photos'} with it)`);
      } finally {
        await library.close();
      }
    });
}
