// LibraryApi's tag methods as the app uses them, on real LanceDB, ONNX Runtime (the tiny
// colour model: texts and photos embed their colour) and files: label sets saved, listed
// and removed, tagging as a background job, auto-tagging of photos indexed later, the
// review list, accept/reject and what they change, and the counts behind the tag filter.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import type { LabelSetInput } from '../../src/shared/api';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

const COLOUR_SET = { name: 'colours', labels: ['red', 'green', { name: 'blue', prompts: ['a deep blue picture'] }], threshold: 0.3, margin: 0.05 };

const open = () => openHost();
const finished = jobFinished;

/** A library of colour photos, indexed: red, green, blue, a darker blue and a bluish purple. */
async function colourLibrary() {
  const dir = tempDir('shoebox-api-tags-');
  for (const name of ['red', 'green', 'blue'] as const) await writeColourPhoto(dir, `${name}.jpg`, COLOURS[name]!);
  await writeColourPhoto(dir, 'blue again.jpg', [40, 50, 190]);
  await writeColourPhoto(dir, 'purple.jpg', [110, 40, 200]);
  const { host, events } = await open();
  expect(await finished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
  const id = (name: string) => photoId(path.join(dir, name));
  const labelsOf = async (name: string) => (await host.getPhoto(id(name)))!.tags.map((t) => `${t.label}:${t.state}`);
  return { dir, host, events, id, labelsOf };
}

describe('tags through LibraryApi', () => {
  it('saves, lists and removes label sets; a bad set is refused in one line', async () => {
    const { host } = await open();
    expect(await host.listLabelSets()).toEqual([]);
    const saved = await host.saveLabelSet(COLOUR_SET);
    expect(saved).toEqual({
      name: 'colours',
      labels: [{ name: 'red', prompts: [] }, { name: 'green', prompts: [] }, { name: 'blue', prompts: ['a deep blue picture'] }],
      threshold: 0.3,
      margin: 0.05,
      templates: null,
      autoFolders: [],
      revision: expect.any(String),
    });
    expect(await host.listLabelSets()).toEqual([saved]);
    // Changed as itself: replaced, not added. A new set under its name is refused (its tags and
    // decisions belong to the name), as is a change that would rename it.
    await host.saveLabelSet({ ...COLOUR_SET, threshold: 0.5 }, 'colours');
    expect((await host.listLabelSets()).map((s) => [s.name, s.threshold])).toEqual([['colours', 0.5]]);
    await expect(host.saveLabelSet({ name: 'colours', labels: ['cat', 'dog'] })).rejects.toThrow(/^a label set named "colours" already exists: open it to change its labels, or choose another name$/);
    await expect(host.saveLabelSet({ ...COLOUR_SET, name: 'hues' }, 'colours')).rejects.toThrow(/a label set keeps its name \("colours"\)/);
    expect((await host.listLabelSets()).map((s) => [s.name, s.threshold, s.labels.length])).toEqual([['colours', 0.5, 3]]);

    const bad: [LabelSetInput, RegExp][] = [
      [{ name: 'one', labels: ['red'] }, /needs at least two labels/],
      [{ name: 'twice', labels: ['red', 'Red'] }, /label 2 "Red" repeats label 1 "red"/],
      [{ name: 'a|b', labels: ['red', 'green'] }, /must not contain "\|"/],
    ];
    for (const [set, why] of bad) {
      const error = await host.saveLabelSet(set).then(() => null, (e: Error) => e.message);
      expect(error).toMatch(why);
      expect(error).not.toContain('\n');
    }
    expect((await host.listLabelSets()).map((s) => s.name)).toEqual(['colours']);

    await host.removeLabelSet('colours');
    expect(await host.listLabelSets()).toEqual([]);
    await expect(host.removeLabelSet('colours')).rejects.toThrow(/no label set named "colours"/);
  });

  it('tags a folder in a background job, then keeps tagging photos indexed there later until stopped', async () => {
    const { dir, host, events, labelsOf } = await colourLibrary();
    await host.saveLabelSet(COLOUR_SET);
    await expect(host.tagFolder('nope', dir)).rejects.toThrow(/no label set named "nope"/);
    await expect(host.tagFolder('colours', tempDir())).rejects.toThrow(/is not in the library/);

    const job = await host.tagFolder('colours', dir);
    expect(job).toMatchObject({ kind: 'tag', folder: dir, state: 'queued' });
    const done = await finished(events, job);
    expect(done.state).toBe('done');
    expect(await labelsOf('red.jpg')).toEqual(['red:auto']);
    expect(await labelsOf('green.jpg')).toEqual(['green:auto']);
    expect(await labelsOf('blue.jpg')).toEqual(['blue:auto']);
    expect(await labelsOf('blue again.jpg')).toEqual(['blue:auto']);
    // The summary counts what the photos now carry.
    const tagged = (await Promise.all(['red.jpg', 'green.jpg', 'blue.jpg', 'blue again.jpg', 'purple.jpg'].map(labelsOf))).filter((l) => l.length > 0).length;
    expect(done.result?.summary).toBe(`tagged ${tagged} of 5 photos with colours`);
    expect((await host.listLabelSets())[0]!.autoFolders).toEqual([dir]);

    // A photo that arrives later in that folder is tagged as it is indexed.
    await writeColourPhoto(dir, 'red later.jpg', [200, 30, 25]);
    await finished(events, await host.addFolder(dir));
    expect(await labelsOf('red later.jpg')).toEqual(['red:auto']);

    // Stopped: the next one is indexed but not tagged; tags already made stay.
    await host.stopAutoTagging('colours', dir);
    expect((await host.listLabelSets())[0]!.autoFolders).toEqual([]);
    await writeColourPhoto(dir, 'green later.jpg', [30, 190, 40]);
    await finished(events, await host.addFolder(dir));
    expect((await host.getPhoto(photoId(path.join(dir, 'green later.jpg'))))?.tags).toEqual([]);
    expect(await labelsOf('red later.jpg')).toEqual(['red:auto']);

    // The whole library: folder '' in the job, null in autoFolders' terms of the API.
    const all = await finished(events, await host.tagFolder('colours', null));
    expect(all).toMatchObject({ kind: 'tag', folder: '', state: 'done' });
    expect(await labelsOf('green later.jpg')).toEqual(['green:auto']);
    expect((await host.listLabelSets())[0]!.autoFolders).toEqual(['']);

    // Removing the set forgets its tags.
    await host.removeLabelSet('colours');
    expect(await labelsOf('red.jpg')).toEqual([]);
    expect(await host.tagCounts()).toEqual([]);
  });

  it('reviews least confident first in pages; accept and reject change the photo, the list, the counts and the tag filter', async () => {
    const { dir, host, events, id, labelsOf } = await colourLibrary();
    await host.saveLabelSet(COLOUR_SET);
    await finished(events, await host.tagFolder('colours', null));

    const all = await host.reviewTags({ set: 'colours' });
    expect(all.total).toBe(all.photos.length);
    const scores = all.photos.map((p) => p.tag.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(all.photos.every((p) => p.tag.state === 'auto' && p.tag.set === 'colours')).toBe(true);
    // Each entry is the photo's own tag, as getPhoto shows it.
    for (const p of all.photos) expect((await host.getPhoto(p.id))!.tags).toContainEqual(p.tag);
    const first = await host.reviewTags({ set: 'colours', limit: 2 });
    const rest = await host.reviewTags({ set: 'colours', offset: 2, limit: 100 });
    expect(first).toMatchObject({ total: all.total, offset: 0 });
    expect([...first.photos, ...rest.photos]).toEqual(all.photos);

    const blues = await host.reviewTags({ set: 'colours', label: 'BLUE' });
    expect(blues.photos.map((p) => path.basename(p.path)).sort()).toEqual(expect.arrayContaining(['blue again.jpg', 'blue.jpg']));
    expect(blues.photos.every((p) => p.tag.label === 'blue')).toBe(true);
    await expect(host.reviewTags({ set: 'colours', label: 'purple' })).rejects.toThrow(/has no label "purple"/);
    await expect(host.reviewTags({ set: 'nope' })).rejects.toThrow(/no label set named "nope"/);

    const countOf = async (label: string) => (await host.tagCounts()).find((c) => c.set === 'colours' && c.label === label)?.count;
    const bluesBefore = await countOf('blue');
    expect(bluesBefore).toBe(blues.total);
    expect(await countOf('red')).toBe((await host.reviewTags({ set: 'colours', label: 'red' })).total);

    // Accept one, reject another: both leave the list to review and show on the photo.
    expect(await host.setTagState(id('blue.jpg'), 'colours', 'blue', 'accepted')).toEqual([expect.objectContaining({ label: 'blue', state: 'accepted' })]);
    const after = await host.setTagState(id('blue again.jpg'), 'colours', 'blue', 'rejected');
    expect(after).toEqual([expect.objectContaining({ label: 'blue', state: 'rejected' })]);
    expect(await labelsOf('blue.jpg')).toEqual(['blue:accepted']);
    expect(await labelsOf('blue again.jpg')).toEqual(['blue:rejected']);

    const toReview = await host.reviewTags({ set: 'colours' });
    expect(toReview.total).toBe(all.total - 2);
    expect(toReview.photos.map((p) => path.basename(p.path))).not.toEqual(expect.arrayContaining(['blue.jpg']));
    expect(toReview.photos.map((p) => path.basename(p.path))).not.toEqual(expect.arrayContaining(['blue again.jpg']));
    expect((await host.reviewTags({ set: 'colours', state: 'accepted' })).photos.map((p) => path.basename(p.path))).toEqual(['blue.jpg']);
    expect((await host.reviewTags({ set: 'colours', state: 'rejected' })).photos.map((p) => path.basename(p.path))).toEqual(['blue again.jpg']);
    // A rejected tag no longer counts, nor passes the tag filter; the accepted one does.
    expect(await countOf('blue')).toBe(bluesBefore! - 1);
    const filtered = await host.search('blue', { filters: { tag: 'blue' }, limit: 50 });
    expect(filtered.photos.map((p) => path.basename(p.path))).toContain('blue.jpg');
    expect(filtered.photos.map((p) => path.basename(p.path))).not.toContain('blue again.jpg');
    expect(filtered.photos.map((p) => path.basename(p.path))).not.toContain('red.jpg');

    // A decision survives tagging again, and can be undone.
    await finished(events, await host.tagFolder('colours', dir));
    expect(await labelsOf('blue again.jpg')).toEqual(['blue:rejected']);
    expect(await host.setTagState(id('blue again.jpg'), 'colours', 'blue', 'auto')).toEqual([expect.objectContaining({ label: 'blue', state: 'auto' })]);
    expect((await host.reviewTags({ set: 'colours' })).total).toBe(all.total - 1);

    // A label taken out of the set: its automatic tags go, its decisions wait unseen (review,
    // counts) and come back with it.
    const withoutBlue = { ...COLOUR_SET, labels: COLOUR_SET.labels.filter((l) => (typeof l === 'string' ? l : l.name) !== 'blue') };
    const redBefore = await labelsOf('red.jpg');
    expect(redBefore).toContain('red:auto');
    await host.setTagState(id('red.jpg'), 'colours', 'red', 'rejected'); // a decision on a label that stays
    await host.saveLabelSet(withoutBlue, 'colours');
    // Undone, the model's tag under it is there again: only the removed label's tags went.
    await host.setTagState(id('red.jpg'), 'colours', 'red', 'auto');
    expect(await labelsOf('red.jpg')).toEqual(redBefore);
    for (const state of ['auto', 'accepted', 'rejected'] as const) {
      const page = await host.reviewTags({ set: 'colours', state });
      expect(page.photos.filter((p) => p.tag.label === 'blue'), state).toEqual([]);
      expect(page.total).toBe(page.photos.length);
    }
    expect((await host.tagCounts()).filter((c) => c.label === 'blue')).toEqual([]);
    // Its rejection of blue waits unseen (the decision on red re-scored the set without blue,
    // so it may show what the two labels left give it, as `tag` would).
    expect((await labelsOf('blue again.jpg')).filter((l) => l.startsWith('blue'))).toEqual([]);
    await host.saveLabelSet(COLOUR_SET, 'colours');
    expect((await host.reviewTags({ set: 'colours', state: 'accepted' })).photos.map((p) => path.basename(p.path))).toEqual(['blue.jpg']);

    await expect(host.setTagState(photoId(path.join(tempDir(), 'x.jpg')), 'colours', 'blue', 'accepted')).rejects.toThrow(/not in the library/);
    await expect(host.setTagState(id('red.jpg'), 'colours', 'mauve', 'accepted')).rejects.toThrow(/has no label "mauve"/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
