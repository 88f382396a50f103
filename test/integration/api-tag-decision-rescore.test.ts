// The app's side of "a decision re-scores what it changes" (tag-decision-rescore.test.ts):
// the tag review screen reads the list again after each accept or reject (TagReviewScreen),
// and through LibraryApi it now finds the suggestions as a fresh tagging job gives them, not
// those of before the decision. Same core rule as the CLI's `tags accept` / `tags reject`.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import type { TagReviewPage } from '../../src/shared/api';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

/** The review list as "photo label (confidence)", in a stable order. */
const listed = (page: TagReviewPage) => page.photos.map((p) => `${path.basename(p.path)} ${p.tag.label} (${p.tag.score.toFixed(2)})`).sort();

describe('the review screen after a decision', () => {
  it('lists the suggestions a fresh tagging job gives', async () => {
    const dir = tempDir('shoebox-api-rescore-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
    await writeColourPhoto(dir, 'amber.jpg', [230, 150, 25]);
    await writeColourPhoto(dir, 'orange.jpg', [230, 120, 25]);
    const { host, events } = await openHost();
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    await host.saveLabelSet({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 });
    expect(await jobFinished(events, await host.tagFolder('colours', dir))).toMatchObject({ state: 'done' });
    const id = (name: string) => photoId(path.join(dir, name));
    const before = listed(await host.reviewTags({ set: 'colours', limit: 100 }));

    await host.setTagState(id('yellow.jpg'), 'colours', 'red', 'accepted');
    await host.setTagState(id('red.jpg'), 'colours', 'red', 'rejected');
    const afterDecisions = listed(await host.reviewTags({ set: 'colours', limit: 100 }));
    expect(afterDecisions).not.toEqual(before.filter((t) => !t.startsWith('red.jpg red')));

    expect(await jobFinished(events, await host.tagFolder('colours', dir))).toMatchObject({ state: 'done' });
    expect(afterDecisions).toEqual(listed(await host.reviewTags({ set: 'colours', limit: 100 })));
    expect((await host.getPhoto(id('yellow.jpg')))!.tags.map((t) => `${t.label}:${t.state}`)).toContain('red:accepted');
  });
});
