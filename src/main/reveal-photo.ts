// "Reveal in the file manager" (desktop app only): the page names a photo by its id, never
// by a path, and main resolves the id through the engine. A page that slipped a path of its
// own choosing through would still only ever open the folder of a library photo.
import fs from 'node:fs/promises';
import { shell } from 'electron';
import type { LibraryApi } from '../shared/api';

/** Ids are opaque strings of the engine's; anything longer than a path is not one. */
const MAX_ID_LENGTH = 8192;

/** Shows the photo selected in its folder in the platform's file manager. */
export async function revealPhoto(api: Pick<LibraryApi, 'getPhoto'>, args: unknown[]): Promise<void> {
  const [id] = args;
  if (args.length !== 1 || typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    throw new Error('revealPhoto: expected 1 argument, a photo id.');
  }
  const photo = await api.getPhoto(id);
  if (!photo) throw new Error('That photo is no longer in the library.');
  // The file manager says nothing of a file that is gone (or on a disk not connected): said here.
  if (!(await fs.access(photo.path).then(() => true, () => false))) throw new Error(`The photo's file is not there (moved, deleted, or on a disk not connected): ${photo.path}`);
  shell.showItemInFolder(photo.path);
}
