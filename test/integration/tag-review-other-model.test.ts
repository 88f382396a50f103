// The app's tag review and label counts after switching to a model that has not embedded the
// photos yet: the user's decisions hold under every model, so the accepted tags are reviewed
// and counted as the viewer shows them (LibraryApi on real LanceDB and the two tiny fixture
// models; no watcher, so nothing is embedded with the second model).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { fixtureModelDir, TINY_TRANSFORMERS } from '../fixtures/models/paths';

const openHost = useApiHosts();

const COLOUR_SET = { name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 };

describe('tag review under a model that has not embedded the photos', () => {
  it('lists and counts the accepted tags; the first model’s suggestions wait for it to tag', async () => {
    const home = tempDir();
    const dir = tempDir('shoebox-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
    const first = await openHost({ home });
    expect(await jobFinished(first.events, await first.host.addFolder(dir))).toMatchObject({ state: 'done' });
    await first.host.saveLabelSet(COLOUR_SET);
    expect(await jobFinished(first.events, await first.host.tagFolder('colours', null))).toMatchObject({ state: 'done' });
    await first.host.setTagState(photoId(path.join(dir, 'red.jpg')), 'colours', 'yellow', 'accepted');
    await first.host.close();

    const { host } = await openHost({ home, modelDir: fixtureModelDir(TINY_TRANSFORMERS) });
    const names = (page: { photos: { path: string }[] }) => page.photos.map((p) => path.basename(p.path));
    const accepted = await host.reviewTags({ set: 'colours', state: 'accepted' });
    expect([accepted.total, names(accepted)]).toEqual([1, ['red.jpg']]);
    expect((await host.getPhoto(accepted.photos[0]!.id))!.tags).toContainEqual(accepted.photos[0]!.tag);
    expect((await host.reviewTags({ set: 'colours' })).total).toBe(0);
    const counts = Object.fromEntries((await host.tagCounts()).map((c) => [c.label, c.count]));
    expect(counts).toEqual({ red: 0, green: 0, blue: 0, yellow: 1 });
  });
});
