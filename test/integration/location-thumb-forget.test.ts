// A removed photo's thumbnail is not served any more (review of the S3 library: the engine
// remembers the thumbnail keys of photos it just showed, to spare a store lookup per tile,
// and kept them until restart). Removing the photos forgets what was remembered.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

describe('thumbnails of photos the grid was just shown', () => {
  it('are no longer served once the photo is removed from the library', { timeout: 120_000 }, async () => {
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    const { host, events } = await openHost();
    expect(await jobFinished(events, await host.addFolder(photos))).toMatchObject({ state: 'done' });
    const shown = (await host.listPhotos()).photos; // the grid's page: its thumbnails are asked for next
    const red = shown.find((p) => p.path === path.join(photos, 'red.jpg'))!;
    expect(await host.readImage(red.id, 'thumb')).not.toBeNull();

    // Removed from the library (its file too): nothing is served for it.
    fs.rmSync(path.join(photos, 'red.jpg'));
    await host.removeFolder(photos);
    expect(await host.readImage(red.id, 'thumb')).toBeNull();
  });
});
