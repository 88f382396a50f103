// An import whose destination cannot be written (no permission, a full disk): every file fails
// alike, so the failure is said once with the folder, not once per photo, the summary says the
// photos were found but none copied (not "no photos or videos found"), and no empty day folder
// made for a copy that failed is left in the library.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importPhotoFiles } from '../../src/core/library/photo-import';
import type { PhotoImportResult } from '../../src/shared/api';
import { importFailureLines } from '../../src/shared/import-failure-lines';
import { photoImportSummary } from '../../src/shared/photo-import-text';
import { tempDir, writeColourPhoto } from '../helpers/images';

afterEach(() => {
  vi.restoreAllMocks();
});

const nothingHeld = { known: async () => new Set<string>() };

/** A card of three photos, the same day each. */
async function card(): Promise<string> {
  const dir = tempDir('shoebox-import-card-');
  const day = new Date(2014, 7, 23, 12, 0, 0);
  for (const [name, rgb] of [['IMG_0001.JPG', [200, 40, 40]], ['IMG_0002.JPG', [40, 200, 40]], ['IMG_0003.JPG', [40, 40, 200]]] as const) {
    fs.utimesSync(await writeColourPhoto(dir, name, [...rgb]), day, day);
  }
  return dir;
}

const asResult = (from: string, to: string, r: Awaited<ReturnType<typeof importPhotoFiles>>): PhotoImportResult => ({
  from, to, copied: r.copied, copiedVideos: 0, already: r.already, alreadyVideos: 0, alreadyUnreadable: [], trashed: [], trashedVideos: 0, duplicates: r.duplicates, skipped: r.skipped,
  failed: r.failed.map((f) => ({ ...f, step: 'copy' as const })), indexed: 0, stopped: false,
});

describe('an import into a folder that cannot be written', () => {
  it('says the full disk once, with the folder, that the photos were found but none copied, and leaves no empty day folder', async () => {
    const from = await card();
    const to = tempDir('shoebox-import-into-');
    // Root runs these tests (chmod is no refusal): the disk fills at the first write.
    // (At the copy's flush, where its times are set: the first write a full disk can refuse here.)
    const open = fs.promises.open.bind(fs.promises);
    vi.spyOn(fs.promises, 'open').mockImplementation((async (file: fs.PathLike, flags?: string | number) => {
      if (String(file).endsWith('.shoebox-part')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return open(file, flags);
    }) as typeof fs.promises.open);
    const report = await importPhotoFiles(from, to, nothingHeld);
    expect(report.copied).toEqual([]);
    expect(report.failed).toHaveLength(3);
    const result = asResult(from, to, report);
    const lines = importFailureLines(result.failed);
    expect(lines).toEqual({ destinations: [{ error: `cannot write into ${to}: the disk is full (ENOSPC)`, files: 3 }], perFile: [] });
    expect(photoImportSummary(result)).toBe(`found 3 photos or videos in ${from}, but could not copy any: cannot write into ${to}: the disk is full (ENOSPC)`);
    // The 2014/2014-08-23 folder made for the copies is gone again.
    expect(fs.readdirSync(to)).toEqual([]);
  }, 60_000);

  it('says a refused folder (EPERM on mkdir inside the destination) once too; a damaged file keeps its own line', async () => {
    const from = await card();
    const to = tempDir('shoebox-import-into-');
    const mkdirSync = fs.mkdirSync.bind(fs);
    vi.spyOn(fs, 'mkdirSync').mockImplementation(((dir: fs.PathLike, options?: never) => {
      if (String(dir).startsWith(to)) throw Object.assign(new Error(`EPERM: operation not permitted, mkdir '${String(dir)}'`), { code: 'EPERM', path: String(dir) });
      return mkdirSync(dir, options);
    }) as typeof fs.mkdirSync);
    const report = await importPhotoFiles(from, to, nothingHeld);
    const damaged = { path: path.join(from, 'IMG_0009.JPG'), error: 'EIO: i/o error, read', step: 'copy' as const };
    const result = { ...asResult(from, to, report), failed: [...asResult(from, to, report).failed, damaged] };
    expect(importFailureLines(result.failed)).toEqual({ destinations: [{ error: `cannot write into ${to}: operation not permitted (EPERM)`, files: 3 }], perFile: [damaged] });
    expect(photoImportSummary(result)).toBe(`found 4 photos or videos in ${from}, but could not copy any: 4 failed (3 of them: cannot write into ${to}: operation not permitted (EPERM))`);
  }, 60_000);
});
