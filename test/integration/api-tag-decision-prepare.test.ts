// The review screen readies its set as it opens (LibraryApi.prepareTagDecisions), so the first
// accept or reject of a session is as quick as the later ones. Readying must not change what
// the screen shows after a decision: the list a fresh tagging job gives (as without it,
// api-tag-decision-rescore.test.ts), and opening the screen twice at once readies it once.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import type { TagReviewPage } from '../../src/shared/api';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

const listed = (page: TagReviewPage) => page.photos.map((p) => `${path.basename(p.path)} ${p.tag.label} (${p.tag.score.toFixed(2)})`).sort();

describe('the review screen readied as it opens', () => {
  it('changes nothing a fresh tagging job gave, and decisions after it list what a fresh job gives', async () => {
    const dir = tempDir('shoebox-api-prepare-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
    await writeColourPhoto(dir, 'amber.jpg', [230, 150, 25]);
    await writeColourPhoto(dir, 'orange.jpg', [230, 120, 25]);
    const { host, events } = await openHost();
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    await host.saveLabelSet({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 });
    expect(await jobFinished(events, await host.tagFolder('colours', dir))).toMatchObject({ state: 'done' });
    const before = listed(await host.reviewTags({ set: 'colours', limit: 100 }));

    // Two opens at once (a quick back and forth): one readying, the same answer to both.
    expect(await Promise.all([host.prepareTagDecisions('colours'), host.prepareTagDecisions('colours')])).toEqual([false, false]);
    expect(listed(await host.reviewTags({ set: 'colours', limit: 100 }))).toEqual(before);

    const id = (name: string) => photoId(path.join(dir, name));
    await host.setTagState(id('yellow.jpg'), 'colours', 'red', 'accepted');
    await host.setTagState(id('red.jpg'), 'colours', 'red', 'rejected');
    const afterDecisions = listed(await host.reviewTags({ set: 'colours', limit: 100 }));
    expect(afterDecisions).not.toEqual(before.filter((t) => !t.startsWith('red.jpg red')));
    expect(await jobFinished(events, await host.tagFolder('colours', dir))).toMatchObject({ state: 'done' });
    expect(afterDecisions).toEqual(listed(await host.reviewTags({ set: 'colours', limit: 100 })));
  });

  it('refuses a set the library does not have, in one line', async () => {
    const { host } = await openHost();
    await expect(host.prepareTagDecisions('nope')).rejects.toThrow(/no label set named "nope"/);
  });
});
