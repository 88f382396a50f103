// The duplicates trash plan (`shoebox dupes --trash`) names the pictures too large to move
// without an explicit yes by the core's measure, the one the app's review is sent: the picture
// (its groups together, each photo once), not each engine group. A similar group of 45 and an
// overlapping near group of 8 are one picture of 50, which `--trash --include-similar --yes`
// must not move without --allow-large-groups. Real files on the tiny model; the saved report's
// groups are set by hand (the tiny model's embeddings make no such chain on their own).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { reportFile } from '../../src/core/dupes/report-store';
import type { DuplicateGroup, DuplicateKind } from '../../src/core/dupes/types';
import { LARGE_DUPLICATE_GROUP } from '../../src/shared/api';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';

describe('the duplicates trash plan', () => {
  const hosts = useApiHosts();

  it('names a picture of 50 made of a similar group of 45 and a near group of 8 as large', async () => {
    const dir = tempDir('shoebox-dupes-large-');
    const jpeg = await sceneJpeg(41, 64, 48);
    const names = Array.from({ length: LARGE_DUPLICATE_GROUP }, (_, i) => `s${String(i).padStart(2, '0')}.jpg`);
    for (const name of names) fs.writeFileSync(path.join(dir, name), jpeg);
    const home = tempDir();
    const first = await hosts({ home, trashDir: tempDir('shoebox-dupes-large-trash-') });
    expect(await jobFinished(first.events, await first.host.addFolder(dir))).toMatchObject({ state: 'done' });
    expect(await jobFinished(first.events, await first.host.findDuplicates(['exact']))).toMatchObject({ state: 'done' });
    const file = reportFile(home, (await first.host.status()).model!.id);
    await first.host.close();

    // The saved scan, its one group of copies recut into the chain: s00..s44 similar, s42..s49 near.
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { kinds: DuplicateKind[]; groups: DuplicateGroup[] };
    const members = new Map(saved.groups.flatMap((g) => g.members).map((m) => [path.basename(m.path), m]));
    const group = (kind: DuplicateKind, from: number, to: number): DuplicateGroup => {
      const list = names.slice(from, to + 1).map((n) => members.get(n)!);
      return { kind, keep: list[0]!.path, members: list };
    };
    const chain = [group('similar', 0, 44), group('near', 42, 49)];
    fs.writeFileSync(file, JSON.stringify({ ...saved, kinds: ['near', 'similar'], groups: chain }));

    const second = await hosts({ home, trashDir: tempDir('shoebox-dupes-large-trash-') });
    const report = (await second.host.duplicates())!;
    expect(report.groups.map((g) => g.members.length)).toEqual([45, 8]);
    expect(report.largePictures).toEqual([{ keep: photoId(path.join(dir, 's00.jpg')), photos: 50 }]);

    // Held back (similar shots): nothing of it would move, so nothing to ask about.
    expect((await second.host.planDuplicateTrash()).large).toEqual([]);
    const plan = await second.host.planDuplicateTrash({ includeHeld: true });
    expect(plan.paths.length).toBeGreaterThan(0);
    expect(plan.large.map((p) => [path.basename(p.keep), p.kinds, p.members.length])).toEqual([['s00.jpg', ['near', 'similar'], 50]]);
  }, 240_000);
});
