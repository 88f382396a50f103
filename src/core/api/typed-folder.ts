// A folder path typed into one of the app's fields (Add folder, Locate, Export, Import from a
// card): read the same way in each, so a path one field takes is never refused by another.
// The engine runs inside Electron or `shoebox serve`, whose working folder means nothing to
// the person typing, so a relative path is refused rather than quietly resolved against it;
// "~" is their home folder, as a shell reads it. The CLI resolves its own arguments against
// the shell's working folder before it calls the core (that is right for a command line).
import os from 'node:os';
import path from 'node:path';

export interface TypedFolderOptions {
  /** Whose rules make a path full: on win32 C:\x and \\server\share are (tests pass one). */
  platform?: NodeJS.Platform;
  /** The folder "~" stands for (default: the user's home folder). */
  home?: string;
}

/**
 * The full path `typed` names: trimmed, a leading "~" or "~/" (also "~\" on Windows) read as
 * the home folder, normalised. A path that is not full throws one line naming the field:
 * `give <wanted>, e.g. <example> (got "<typed>")`.
 */
export function typedFolder(typed: string, wanted: string, example: string, options: TypedFolderOptions = {}): string {
  const platform = options.platform ?? process.platform;
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const text = typed.trim();
  const home = () => options.home ?? os.homedir();
  const fromHome = text.startsWith('~/') || (platform === 'win32' && text.startsWith('~\\'));
  const expanded = text === '~' ? home() : fromHome ? paths.join(home(), text.slice(2)) : text;
  if (!paths.isAbsolute(expanded)) throw new Error(`give ${wanted}, e.g. ${example} (got "${typed}")`);
  return paths.resolve(expanded);
}
