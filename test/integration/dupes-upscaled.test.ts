// An enlarged copy of a photo (an editor's "enhance" export: twice the pixels, no more detail)
// is not kept over the photo it was made from: the real duplicate scan, through LibraryApi
// (what the review calls), on a real photo from ../shared and its 2x enlargement made here.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { JobState, LibraryEvent } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished } from '../helpers/api-host';
import { tempDir } from '../helpers/images';
import { sharedAvailable, sharedPath } from '../helpers/shared-data';

const ORIGINAL = ['photos', 'imagenet', 'n01440764_tench.JPEG'] as const;
const haveShared = sharedAvailable(...ORIGINAL);

describe.skipIf(!haveShared)('an enlarged copy in the duplicates review', () => {
  let dir: string;
  let host: LibraryHost;
  const events: LibraryEvent[] = [];
  const finished = (job: JobState) => jobFinished(events, job);
  const f = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = tempDir('shoebox-dupes-upscaled-');
    const source = sharedPath(...ORIGINAL);
    fs.copyFileSync(source, f('tench.jpg'));
    // An enlargement kept lossless (PNG): one re-saved as JPEG is caught only in part (upscale-check.test.ts).
    const { width, height } = await sharp(source).metadata();
    // The enlargement sorts first by path, and is the larger file with four times the pixels.
    await sharp(source).resize(width * 2, height * 2, { kernel: 'lanczos3' }).png().toFile(f('enhanced tench.png'));
    host = await createLibraryApi({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    host.subscribe((event) => events.push(event));
    expect(await finished(await host.addFolder(dir))).toMatchObject({ state: 'done', result: { added: 2, failed: 0 } });
  }, 300_000);

  afterAll(async () => {
    await host?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the original over its enlargement, and says why', async () => {
    expect(await finished(await host.findDuplicates())).toMatchObject({ state: 'done' });
    const report = (await host.duplicates())!;
    expect(report.groups).toHaveLength(1);
    const [group] = report.groups;
    expect(group!.members.map((m) => m.path)).toEqual([f('tench.jpg'), f('enhanced tench.png')]);
    expect(group!.members[0]!.id).toBe(group!.keep);
    expect(group!.why).toEqual(['not-upscaled']);
    // What `shoebox dupes` notes on the keeper, from the scan itself (no page of the report read).
    const scan = await host.scanDuplicatesNow({ kinds: ['exact', 'near'] });
    expect(scan.groups.filter((g) => g.why?.includes('not-upscaled')).map((g) => g.keep)).toEqual([f('tench.jpg')]);
  });
});
