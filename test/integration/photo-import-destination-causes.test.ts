// An import whose destination refuses some copies: each folder and cause is said once, naming
// the folder that refused (one read-only day folder is not "cannot write into /Photos/Import"),
// and a full disk beside it is its own line, not merged under the first cause. In the app the
// job's failure entry for a destination says how many files it stands for (`files`), so "and N
// more" counts every file. Root runs these tests (chmod is no refusal): the refusals are injected.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importPhotoFiles } from '../../src/core/library/photo-import';
import type { PhotoImportResult } from '../../src/shared/api';
import { importFailureLines } from '../../src/shared/import-failure-lines';
import { photoImportSummary } from '../../src/shared/photo-import-text';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir, writeColourPhoto } from '../helpers/images';

afterEach(() => {
  vi.restoreAllMocks();
});

const nothingHeld = { known: async () => new Set<string>() };

/** A card of two photos taken 2019-05-01 and one taken 2019-05-02 (the files' dates: no EXIF). */
async function card(): Promise<string> {
  const dir = tempDir('shoebox-import-card-');
  const photos = [['IMG_0001.JPG', [200, 40, 40], 1], ['IMG_0002.JPG', [40, 200, 40], 1], ['IMG_0003.JPG', [40, 40, 200], 2]] as const;
  for (const [name, rgb, day] of photos) {
    const when = new Date(2019, 4, day, 12, 0, 0);
    fs.utimesSync(await writeColourPhoto(dir, name, [...rgb]), when, when);
  }
  return dir;
}

/** Copies into a folder under `refused` fail with `code` (a read-only day folder, a full disk), as the disk would answer. */
function refuseWrites(refused: Record<string, string>): void {
  const createWriteStream = fs.createWriteStream.bind(fs);
  vi.spyOn(fs, 'createWriteStream').mockImplementation(((file: fs.PathLike, options?: never) => {
    const at = String(file);
    for (const [folder, code] of Object.entries(refused)) {
      if (at.startsWith(`${folder}${path.sep}`)) throw Object.assign(new Error(`${code}: refused, open '${at}'`), { code, syscall: 'open', path: at });
    }
    return createWriteStream(file, options);
  }) as typeof fs.createWriteStream);
}

const asResult = (from: string, to: string, r: Awaited<ReturnType<typeof importPhotoFiles>>): PhotoImportResult => ({
  from, to, copied: r.copied, copiedVideos: 0, already: r.already, alreadyVideos: 0, alreadyUnreadable: [], trashed: [], trashedVideos: 0, duplicates: r.duplicates, skipped: r.skipped,
  failed: r.failed.map((f) => ({ ...f, step: 'copy' as const })), indexed: r.copied.length, stopped: false,
});

describe('an import that some destination folders refuse', () => {
  it('names the read-only day folder, not the whole destination, and copies the other days', async () => {
    const from = await card();
    const to = tempDir('shoebox-import-into-');
    const day = path.join(to, '2019', '2019-05-01');
    fs.mkdirSync(day, { recursive: true }); // the user's, read-only
    refuseWrites({ [day]: 'EACCES' });
    const report = await importPhotoFiles(from, to, nothingHeld);
    expect(report.copied.map((p) => path.relative(to, p))).toEqual([path.join('2019', '2019-05-02', 'IMG_0003.JPG')]);
    const result = asResult(from, to, report);
    const refused = `cannot write into ${day}: permission denied (EACCES)`;
    expect(importFailureLines(result.failed)).toEqual({ destinations: [{ error: refused, files: 2 }], perFile: [] });
    expect(photoImportSummary(result)).toBe(`copied 1 photo into ${to}, 2 failed: ${refused}; 1 indexed`);
  }, 60_000);

  it('says a full disk and a refused folder each under its own cause', async () => {
    const from = await card();
    const to = tempDir('shoebox-import-into-');
    const day = path.join(to, '2019', '2019-05-01');
    fs.mkdirSync(day, { recursive: true });
    refuseWrites({ [day]: 'EACCES', [path.join(to, '2019', '2019-05-02')]: 'ENOSPC' });
    const result = asResult(from, to, await importPhotoFiles(from, to, nothingHeld));
    const refused = `cannot write into ${day}: permission denied (EACCES)`;
    const full = `cannot write into ${to}: the disk is full (ENOSPC)`;
    expect(importFailureLines(result.failed)).toEqual({ destinations: [{ error: refused, files: 2 }, { error: full, files: 1 }], perFile: [] });
    expect(photoImportSummary(result)).toBe(`found 3 photos or videos in ${from}, but could not copy any: 3 failed (2 of them: ${refused}; 1: ${full})`);
  }, 60_000);
});

describe('an import job whose destination refuses its copies', () => {
  const openHost = useApiHosts();

  it('puts one entry per folder and cause in the result, saying how many files each stands for', async () => {
    const library = tempDir('shoebox-import-library-');
    await writeColourPhoto(library, 'kept.jpg', [30, 90, 200]);
    const from = await card();
    const { host, events } = await openHost();
    await host.indexNow([library]);
    refuseWrites({ [library]: 'ENOSPC' });
    const job = await jobFinished(events, await host.importPhotos(from, library));
    expect(job.result).toMatchObject({ failed: 3, failures: [{ path: library, reason: `cannot write into ${library}: the disk is full (ENOSPC)`, files: 3 }] });
    expect(job.result?.failures).toHaveLength(1);
  }, 180_000);
});
