// One stderr line when photos a command printed are in folders this device cannot reach (a
// shared library's folder under another device's path, or not mounted): their paths are the
// library's, and the originals will not open here until the folder is mapped.

import { printable } from './output';

export function unreachableNote(photos: readonly { folder: string; unreachable?: boolean }[]): void {
  const folders = [...new Set(photos.filter((p) => p.unreachable).map((p) => printable(p.folder)))];
  if (folders.length === 0) return;
  const count = photos.filter((p) => p.unreachable).length;
  process.stderr.write(
    `shoebox: note: ${count} ${count === 1 ? 'photo is' : 'photos are'} in ${folders.length === 1 ? `a folder this device cannot reach (${folders[0]})` : `${folders.length} folders this device cannot reach (${folders.join(', ')})`}: their originals do not open here; shoebox folders map FOLDER PATH tells where the folder is on this device\n`,
  );
}
