// The search filter's folder choices: the library folders and their subfolders that hold
// photos (the engine's photoFolders), each indented under the folder holding it. What a chosen
// folder matches is the engine's rule (SearchFilters.folder: the photos at or under it); this
// only names the choices.
import type { PhotoFolder } from '../../shared/api';
import { itemsText } from '../../shared/count-text';
import { baseName, folderNames, formatCount } from './format';

export interface FolderChoice {
  path: string;
  /** "cams (12 photos)", "clips (4 videos)", "trip (10 photos, 2 videos)", indented with one no-break space pair per folder above it in the list
   *  (a select's options collapse ordinary spaces and have no other way to nest). */
  label: string;
  depth: number;
}

const INDENT = '\u00a0\u00a0\u00a0';

/** Whether `inner` is below `outer`, by path components ("/a/bc" is not below "/a/b"). */
function isBelow(inner: string, outer: string): boolean {
  const base = outer.replace(/[\\/]+$/, '');
  return inner.length > base.length + 1 && inner.startsWith(base) && /[\\/]/.test(inner.charAt(base.length));
}

/**
 * Choices in the engine's order (a folder before its subfolders). A subfolder is named by
 * where it is inside the nearest listed folder above it (its parent's, so its own name); the
 * top folders by as many parent folders as tell them apart. A `value` not among them (a URL's
 * folder deeper than the list goes, or gone) stays a choice of its own, its whole path, so
 * the filter shows what it asks.
 */
export function folderChoices(folders: readonly PhotoFolder[], value: string): FolderChoice[] {
  const above: string[] = [];
  const shaped = folders.map((f) => {
    while (above.length > 0 && !isBelow(f.path, above[above.length - 1]!)) above.pop();
    const parent = above[above.length - 1];
    const depth = above.length;
    above.push(f.path);
    return { folder: f, parent, depth };
  });
  const topNames = folderNames(shaped.filter((s) => s.parent === undefined).map((s) => s.folder.path));
  const choices = shaped.map(({ folder, parent, depth }) => {
    const name = parent === undefined ? (topNames.get(folder.path) ?? baseName(folder.path)) : folder.path.slice(parent.replace(/[\\/]+$/, '').length + 1).replace(/\\/g, '/');
    return { path: folder.path, depth, label: `${INDENT.repeat(depth)}${name} (${itemsText(folder.photos, folder.videos ?? 0, formatCount)})` };
  });
  if (value !== '' && !folders.some((f) => f.path === value)) choices.push({ path: value, depth: 0, label: value });
  return choices;
}
