// The app's side of a damaged store (issue 16.5): the host still starts, status() says what
// is damaged, reads fail with the same one line, and repairLibrary() runs the repair as a
// job, reopens the library and indexes again what the repair lost.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photosTableName } from '../../src/core/store';
import type { LibraryHost } from '../../src/core/api/library-api';
import { TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { damageTable, dataFiles, type DamageKind } from '../unit/store/damage';

const TABLE = photosTableName(TINY_IMMICH);
const ONE_LINE = new RegExp(`^library damaged: ${TABLE} cannot be read \\([a-z ]+\\); run 'shoebox repair'$`);

async function idle(host: LibraryHost): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await host.jobs()).some((j) => j.state === 'queued' || j.state === 'running')) {
    if (Date.now() > deadline) throw new Error('jobs did not finish');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('repairLibrary()', () => {
  const open = useApiHosts();

  for (const kind of ['truncated manifest', 'deleted fragment'] as DamageKind[]) {
    it(`${kind}: status shows the damage, the repair job brings the library back`, { timeout: 300_000 }, async () => {
      const home = tempDir();
      const photos = tempDir('shoebox-photos-');
      const first = await open({ home });
      await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
      await jobFinished(first.events, await first.host.addFolder(photos));
      const before = dataFiles(path.join(home, 'library'), TABLE);
      await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
      await jobFinished(first.events, await first.host.addFolder(photos));
      await first.host.close();
      damageTable(path.join(home, 'library'), TABLE, kind, before, true);

      const { host, events } = await open({ home });
      // A damaged manifest stops the open; a damaged fragment is met by the first read of it.
      await expect(host.search('blue')).rejects.toThrow(ONE_LINE);
      expect((await host.status()).damaged).toMatch(ONE_LINE);

      const job = await jobFinished(events, await host.repairLibrary());
      expect(job, job.error ?? '').toMatchObject({ kind: 'repair', state: 'done' });
      expect(job.result?.summary).toMatch(/^library repaired: 1 of \d+ tables$/);
      await idle(host);
      const status = await host.status();
      expect(status).toMatchObject({ damaged: null, photos: 2, folders: 1 });
      expect((await host.search('blue', { limit: 1 })).photos.map((p) => path.basename(p.path))).toEqual(['blue.jpg']);
    });
  }

  // The look at every table runs beside the first status, not before it (seconds on S3 before
  // the first screen): what it finds is said by 'folders-changed', on which the page asks again.
  it("a damaged table no open reads (favourites): the status says it once the first look at every table finds it", { timeout: 300_000 }, async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    const first = await open({ home });
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    await jobFinished(first.events, await first.host.addFolder(photos));
    const before = fs.existsSync(path.join(home, 'library', 'favourites.lance')) ? dataFiles(path.join(home, 'library'), 'favourites') : [];
    const [red] = (await first.host.timeline({ limit: 1 })).photos;
    await first.host.setFavourites([red!.id], true);
    await first.host.close();
    damageTable(path.join(home, 'library'), 'favourites', 'truncated fragment', before);

    const { host, events } = await open({ home });
    const changed = () => events.filter((e) => e.type === 'folders-changed').length;
    const seenBefore = changed();
    await host.status(); // starts the look; answers what is known now
    const deadline = Date.now() + 60_000;
    while (changed() === seenBefore) {
      if (Date.now() > deadline) throw new Error("no 'folders-changed' after the look at every table");
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await host.status()).damaged).toMatch(/^library damaged: favourites cannot be read \([a-z ]+\); run 'shoebox repair'$/);
  });
});
