// Auto-tagging end to end in-process: real LanceDB, real ONNX Runtime on the tiny colour
// model (texts and photos embed their colour), real photo files.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TaggingService, autoTagHook } from '../../src/core/tags/tagging-service';
import { jsScorer, onnxScorer } from '../../src/core/tags/matrix-scorer';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';
import { openLibrary } from '../../src/core/engine';
import { fixtureModelDir, TINY_TRANSFORMERS } from '../fixtures/models/paths';

const library = testLibrary;

const COLOUR_SET = JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 });

async function colourFolder(): Promise<string> {
  const dir = tempDir('shoebox-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  return dir;
}

const byName = (results: { path: string; tags: { label: string }[] }[]) =>
  Object.fromEntries(results.map((r) => [path.basename(r.path), r.tags.map((t) => t.label)]));

describe('zero-shot tagging', () => {
  it('tags colour photos with their colour, keeps the confidence, and stores the tags', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const tagging = new TaggingService(lib);
    await tagging.importLabelSet(COLOUR_SET, 'colours.json');
    const results = await tagging.tagFolder('colours', photos);
    expect(byName(results)).toEqual({ 'blue.jpg': ['blue'], 'green.jpg': ['green'], 'red.jpg': ['red'], 'yellow.jpg': ['yellow'] });
    for (const r of results) expect(r.tags[0]!.score).toBeGreaterThan(0.9);
    expect(byName(await tagging.photoTags({ folder: photos }))).toEqual(byName(results));
    expect((await tagging.pathsWithTag('red')).map((p) => path.basename(p))).toEqual(['red.jpg']);
    expect(await tagging.autoTagFolders()).toEqual([{ folder: photos, set: 'colours' }]);
  });

  it('a photo that fits no label of the set gets none (margin), and the threshold allows two labels', async () => {
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'blue.jpg', [20, 20, 220]);
    await writeColourPhoto(photos, 'orange.jpg', [255, 128, 0]);
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const lib = library(tempDir());
    await lib.index([photos]);
    const tagging = new TaggingService(lib);
    const set = (labels: string[], threshold: number, margin: number) => JSON.stringify({ name: 'warm', labels, threshold, margin });
    // Blue is as far from red as from green: softmax gives each half, but neither stands out.
    await tagging.importLabelSet(set(['red', 'green'], 0.3, 0.05), 'warm.json');
    let tags = byName(await tagging.tagFolder('warm', photos));
    expect(tags['blue.jpg']).toEqual([]);
    expect(tags['red.jpg']).toEqual(['red']);
    // Without the margin the softmax alone hands it one of them.
    await tagging.importLabelSet(set(['red', 'green'], 0.3, 0), 'warm.json');
    expect(byName(await tagging.tagFolder('warm', photos))['blue.jpg']).toHaveLength(1);
    // Orange sits halfway between red and yellow: both fit it about equally, both are tagged...
    await tagging.importLabelSet(set(['red', 'yellow', 'blue'], 0.3, 0.05), 'warm.json');
    tags = byName(await tagging.tagFolder('warm', photos));
    expect([...tags['orange.jpg']!].sort()).toEqual(['red', 'yellow']);
    expect(tags['red.jpg']).toEqual(['red']);
    // ...unless the threshold asks for a clear winner.
    await tagging.importLabelSet(set(['red', 'yellow', 'blue'], 0.9, 0.05), 'warm.json');
    tags = byName(await tagging.tagFolder('warm', photos));
    expect(tags['orange.jpg']).toEqual([]);
    expect(tags['red.jpg']).toEqual(['red']);
  });

  it('the whole library can be tagged; new photos anywhere are then tagged by the hook', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const tagging = new TaggingService(lib);
    await tagging.importLabelSet(COLOUR_SET, 'colours.json');
    expect((await tagging.tagFolder('colours')).length).toBe(4);
    expect(await tagging.autoTagFolders()).toEqual([{ folder: '', set: 'colours' }]);
    const other = tempDir('shoebox-other-');
    await writeColourPhoto(other, 'green too.jpg', [30, 190, 40]);
    await lib.index([other]);
    const store = await lib.readable();
    await tagging.tagNewPhotos([(await store.getPhoto(`${other}/green too.jpg`))!]);
    expect(byName(await tagging.photoTags({ folder: other }))).toEqual({ 'green too.jpg': ['green'] });
    await tagging.stopAutoTagging('');
    expect(await tagging.autoTagFolders()).toEqual([]);
  });

  it('switching to another model and back keeps every tag and decision (issue 17)', async () => {
    const photos = await colourFolder();
    const home = tempDir();
    const a = library(home);
    await a.index([photos]);
    const tagging = new TaggingService(a);
    await tagging.importLabelSet(COLOUR_SET, 'colours.json');
    await tagging.tagFolder('colours');
    const red = path.join(photos, 'red.jpg');
    await tagging.setTagState(red, 'red', 'rejected');
    await tagging.setTagState(red, 'yellow', 'accepted');
    const before = byName(await tagging.photoTags());
    expect(before['red.jpg']).toEqual(['yellow']);
    await a.close();
    // Model B, mid-switch: the whole library tagged before B embedded anything, then B's
    // index run (whose hook tags what it embeds). B sees the user's decisions too.
    const b = openLibrary({ home, modelDir: fixtureModelDir(TINY_TRANSFORMERS), provider: 'cpu', command: 'test' });
    try {
      const withB = new TaggingService(b);
      await withB.tagFolder('colours');
      await b.index();
      expect(byName(await withB.photoTags())['red.jpg']).toEqual(['yellow']);
    } finally {
      await b.close();
    }
    const back = new TaggingService(library(home));
    expect(byName(await back.photoTags())).toEqual(before);
    expect(await back.pathsWithTag('green')).toEqual([path.join(photos, 'green.jpg')]);
  });

  it('the JavaScript and ONNX Runtime matrix paths agree', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    await new TaggingService(lib).importLabelSet(COLOUR_SET, 'colours.json');
    const viaJs = await new TaggingService(lib, { scorerFor: () => jsScorer() }).tagFolder('colours', photos);
    const viaOnnx = await new TaggingService(lib, { scorerFor: () => onnxScorer() }).tagFolder('colours', photos);
    expect(viaOnnx.map((r) => r.tags.map((t) => t.label))).toEqual(viaJs.map((r) => r.tags.map((t) => t.label)));
    viaOnnx.forEach((r, i) => r.tags.forEach((t, j) => expect(t.score).toBeCloseTo(viaJs[i]!.tags[j]!.score, 5)));
  });

  it('newly indexed photos in a tagged folder are tagged through the hook', async () => {
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const tagging = new TaggingService(lib);
    await tagging.importLabelSet(COLOUR_SET, 'colours.json');
    await tagging.tagFolder('colours', photos);
    await writeColourPhoto(photos, 'more blue.jpg', [30, 40, 200]);
    await lib.index();
    const added = (await lib.listPhotos()).filter((p) => p.path.endsWith('more blue.jpg'));
    const errors: Error[] = [];
    const hook = autoTagHook(tagging, (e) => errors.push(e));
    await hook(await Promise.all(added.map(async (p) => (await (await lib.readable()).getPhoto(p.path))!)));
    expect(errors).toEqual([]);
    expect(byName(await tagging.photoTags({ folder: photos }))['more blue.jpg']).toEqual(['blue']);
  });
});

describe("the search's tag filter hook", () => {
  it('gives the hashes of the photos carrying a label, any case, and refuses unknown labels', async () => {
    const { photosWithTag: photosWithTagFromTags } = await import('../../src/core/search/tag-filter');
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const tagging = new TaggingService(lib);
    await tagging.importLabelSet(COLOUR_SET, 'colours.json');
    await tagging.tagFolder('colours', photos);
    const red = (await lib.listPhotos()).find((p) => p.path.endsWith('red.jpg'))!;
    expect(await photosWithTagFromTags(lib, 'Red')).toEqual({ hashes: [red.hash] });
    await tagging.setTagState(red.path, 'red', 'rejected');
    expect(await photosWithTagFromTags(lib, 'red')).toEqual({ hashes: [] });
    await expect(photosWithTagFromTags(lib, 'purple')).rejects.toThrow(/no label set has the label "purple"/);
  });

  it('does not count decisions kept for a removed set, though another set has a label of that name', async () => {
    const { photosWithTag: photosWithTagFromTags } = await import('../../src/core/search/tag-filter');
    const photos = await colourFolder();
    const lib = library(tempDir());
    await lib.index([photos]);
    const tagging = new TaggingService(lib);
    await tagging.importLabelSet(COLOUR_SET, 'colours.json');
    const blue = (await lib.listPhotos()).find((p) => p.path.endsWith('blue.jpg'))!;
    await tagging.setTagState(blue.path, 'red', 'accepted', 'colours');
    await tagging.removeLabelSet('colours');
    await tagging.importLabelSet(JSON.stringify({ name: 'mood', labels: ['red', 'calm'] }), 'mood.json');
    expect((await photosWithTagFromTags(lib, 'red')).hashes).not.toContain(blue.hash);
  });
});
