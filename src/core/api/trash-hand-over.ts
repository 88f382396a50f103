// The duplicates trash hands the moved photos' marks to their keepers (keeper-marks.ts) only
// for the photos that really moved, and after they moved: the OS trash can refuse any file.
// So that a crash, a quit or a dropped connection between the moves and the hand-over loses
// nothing, what is to be handed over is written to the library's files first and removed once
// done; one left behind is finished by the next trash (the photos no longer at their paths).
import fs from 'node:fs';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { LibraryFiles } from '../location/library-files';
import type { LibraryService } from '../library/library-service';
import type { MarkWrites } from './api-context';
import { keepMarksOnKeepers, type MovedPhotos } from './keeper-marks';

const PENDING = 'trash-hand-over/';

interface Pending {
  moved: string;
  hash: string;
  keeper: string;
}

/** This device's notes: paths are this device's, so only it can tell what moved (a shared library's other devices write their own). */
function devicePrefix(): string {
  return `${PENDING}${encodeURIComponent(os.hostname())}-`;
}

/**
 * Runs `move` (the trash) with the hand-over noted before it and done after it, for what it
 * moved. The photos have moved by then: a hand-over that fails is said (`warn`) and left noted
 * for later, never a failed trash.
 */
export async function trashWithHandOver<R extends { moved: string[] }>(files: LibraryFiles, lib: LibraryService, writes: MarkWrites, photos: MovedPhotos, move: () => Promise<R>, warn: (message: string) => void): Promise<R> {
  const pending: Pending[] = photos.moved.flatMap((moved) => {
    const keeper = photos.keepers.get(moved);
    const hash = photos.hashOf.get(moved);
    return keeper && hash ? [{ moved, hash, keeper }] : [];
  });
  if (pending.length === 0) return move();
  const key = `${devicePrefix()}${Date.now()}-${crypto.randomBytes(4).toString('hex')}.json`;
  await files.write(key, JSON.stringify(pending));
  const result = await move();
  const moved = new Set(result.moved);
  try {
    await handOver(lib, writes, pending.filter((p) => moved.has(p.moved)));
    await files.remove(key);
  } catch (error) {
    warn(`the trashed photos' favourites, tags or album places are not all with their keepers yet (the next duplicates trash gives them): ${(error as Error).message.split('\n')[0]}`);
  }
  return result;
}

/**
 * Finishes the trashes a crash cut short on this device: the photos noted that are no longer
 * at their paths give their marks to their keepers and leave the library (as the trash does
 * after moving); those still there stayed (the kill came before their move). A photo whose
 * folder is not there (a disk not connected) says nothing yet: it stays noted.
 */
export async function finishTrashHandOvers(files: LibraryFiles, lib: LibraryService, writes: MarkWrites): Promise<void> {
  for (const key of (await files.list(PENDING)).filter((k) => k.startsWith(devicePrefix()))) {
    const bytes = await files.read(key);
    const pending = bytes ? parsePending(bytes.toString('utf8')) : [];
    const unknown = pending.filter((p) => !fs.existsSync(path.dirname(p.moved)));
    const gone = pending.filter((p) => !unknown.includes(p) && !fs.existsSync(p.moved));
    await handOver(lib, writes, gone);
    if (gone.length) await (await lib.writable()).removePhotos(gone.map((p) => p.moved));
    if (unknown.length) await files.write(key, JSON.stringify(unknown));
    else await files.remove(key);
  }
}

function handOver(lib: LibraryService, writes: MarkWrites, pending: readonly Pending[]): Promise<number> {
  return keepMarksOnKeepers(lib, { moved: pending.map((p) => p.moved), keepers: new Map(pending.map((p) => [p.moved, p.keeper])), hashOf: new Map(pending.map((p) => [p.moved, p.hash])) }, writes);
}

/** The noted hand-over, or none when the file is not one (it is then dropped: it holds no user data). */
function parsePending(text: string): Pending[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.filter((p): p is Pending => typeof p === 'object' && p !== null && typeof p.moved === 'string' && typeof p.hash === 'string' && typeof p.keeper === 'string');
  } catch {
    return [];
  }
}
