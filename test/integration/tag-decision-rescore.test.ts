// A new user's walk found the same photo showing other tags depending on whether `shoebox
// tag` ran again after an accept or a reject: the decision taught the label, but the stored
// suggestions stayed those of before it until a later `tag` (or a re-index) changed them
// without a word. A decision now re-scores what it changes at once: what `tags list` and the
// app show after it is what a fresh `tag` gives. Tiny colour model, real LanceDB.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TaggingService, type PhotoTags } from '../../src/core/tags/tagging-service';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

const COLOUR_SET = JSON.stringify({ name: 'colours', labels: ['red', 'green', 'blue', 'yellow'], threshold: 0.3, margin: 0.05 });

/** Each photo's tags as `tags list` prints them: label, then "accepted" or the confidence to 2 places. */
const shown = (results: PhotoTags[]) =>
  Object.fromEntries(results.filter((r) => r.tags.length).map((r) => [path.basename(r.path), r.tags.map((t) => `${t.label} (${t.state === 'accepted' ? 'accepted' : t.score.toFixed(2)})`).join(', ')]));

async function walk() {
  const photos = tempDir('shoebox-rescore-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  // Warm colours between red and yellow: the ones a decision on "red" moves.
  await writeColourPhoto(photos, 'amber.jpg', [230, 150, 25]);
  await writeColourPhoto(photos, 'orange.jpg', [230, 120, 25]);
  const lib = testLibrary(tempDir());
  await lib.index([photos]);
  const tagging = new TaggingService(lib);
  await tagging.importLabelSet(COLOUR_SET, 'colours.json');
  const first = await tagging.tagFolder('colours', photos);
  return { photos, lib, tagging, first };
}

describe('a decision re-scores the suggestions it changes', () => {
  it('shows after accept and reject what a fresh `tag` gives, and keeps the decisions', async () => {
    const { photos, tagging, first } = await walk();
    expect(shown(first)['yellow.jpg']).toMatch(/^yellow /);
    // As the walker did: red accepted on a yellow photo, rejected on a red one.
    await tagging.setTagState(path.join(photos, 'yellow.jpg'), 'red', 'accepted');
    await tagging.setTagState(path.join(photos, 'red.jpg'), 'red', 'rejected');
    const afterDecisions = shown(await tagging.photoTags({ folder: photos }));
    // The learning changed something beyond the decided tags themselves (else this test proves nothing).
    expect(afterDecisions).not.toEqual({ ...shown(first), 'yellow.jpg': expect.anything(), 'red.jpg': expect.anything() });
    const fresh = shown(await tagging.tagFolder('colours', photos));
    expect(afterDecisions).toEqual(fresh);
    // A re-run changes nothing more, and the decisions hold.
    expect(shown(await tagging.photoTags({ folder: photos }))).toEqual(fresh);
    expect(fresh['yellow.jpg']).toMatch(/^red \(accepted\)/);
    expect(fresh['red.jpg'] ?? '').not.toMatch(/\bred\b/);
  });

  it('forgetting a decision re-scores too: back to what `tag` gives without it', async () => {
    const { photos, tagging, first } = await walk();
    await tagging.setTagState(path.join(photos, 'yellow.jpg'), 'red', 'accepted');
    await tagging.setTagState(path.join(photos, 'yellow.jpg'), 'red', 'auto');
    const afterForget = shown(await tagging.photoTags({ folder: photos }));
    expect(afterForget).toEqual(shown(await tagging.tagFolder('colours', photos)));
    expect(afterForget).toEqual(shown(first));
  });
});
