// Accept/reject decisions must make tagging measurably better. The tiny model embeds texts
// and photos by colour, so an ambiguous label is easy to build: the text "orange" sits
// between red and yellow, and here the user calls the amber photos (green channel up to
// 140) "orange" and everything yellower "yellow". Zero-shot, the text prototypes put the
// boundary too far towards yellow; a few decisions on a quarter of the photos must raise
// accuracy on the other three quarters (held out: never decided on).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { TaggingService, type PhotoTags } from '../../src/core/tags/tagging-service';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';

const SET = JSON.stringify({ name: 'fruit', labels: ['orange', 'yellow'], threshold: 0.5, margin: 0 });

interface Sample {
  path: string;
  truth: 'orange' | 'yellow';
  train: boolean;
}

let lib: LibraryService;
let samples: Sample[];
let photos: string;

beforeAll(async () => {
  photos = tempDir('shoebox-amber-');
  samples = [];
  let i = 0;
  for (let g = 60; g <= 230; g += 5, i++) {
    const file = await writeColourPhoto(photos, `g${String(g).padStart(3, '0')}.jpg`, [230, g, 25]);
    samples.push({ path: file, truth: g <= 140 ? 'orange' : 'yellow', train: i % 4 === 0 });
  }
  lib = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
  await lib.index([photos]);
});
afterAll(async () => {
  await lib?.close();
});

function heldOutAccuracy(results: PhotoTags[]): number {
  const predicted = new Map(results.map((r) => [r.path, r.tags.map((t) => t.label)]));
  const held = samples.filter((s) => !s.train);
  const right = held.filter((s) => JSON.stringify(predicted.get(s.path)) === JSON.stringify([s.truth]));
  return right.length / held.length;
}

describe('adaptation from accepted and rejected tags', () => {
  it('raises held-out accuracy on an ambiguous label, and persists across sessions', async () => {
    const tagging = new TaggingService(lib);
    await tagging.importLabelSet(SET, 'fruit.json');
    const before = await tagging.tagFolder('fruit', photos);
    const zeroShot = heldOutAccuracy(before);

    // The user reviews the training quarter: accepts the right label, rejects a wrong one.
    const shown = new Map(before.map((r) => [r.path, r.tags.map((t) => t.label)]));
    for (const s of samples.filter((x) => x.train)) {
      await tagging.setTagState(s.path, s.truth, 'accepted');
      for (const wrong of shown.get(s.path)!.filter((l) => l !== s.truth)) await tagging.setTagState(s.path, wrong, 'rejected');
    }
    const after = await tagging.tagFolder('fruit', photos);
    const adapted = heldOutAccuracy(after);
    console.log(`held-out accuracy: zero-shot ${zeroShot.toFixed(3)}, adapted ${adapted.toFixed(3)} (${samples.filter((s) => !s.train).length} photos)`);
    expect(zeroShot).toBeLessThan(0.9); // the label really is ambiguous
    expect(adapted).toBeGreaterThanOrEqual(zeroShot + 0.05);

    // Decisions are stored in the library: a new service (another process) adapts the same way,
    // and the decided photos keep the user's answer whatever the classifier says.
    const again = await new TaggingService(lib).tagFolder('fruit', photos);
    expect(heldOutAccuracy(again)).toBe(adapted);
    for (const s of samples.filter((x) => x.train)) {
      const tags = again.find((r) => r.path === s.path)!.tags;
      expect(tags.map((t) => t.label), path.basename(s.path)).toEqual([s.truth]);
      expect(tags[0]!.state).toBe('accepted');
    }
  });
});
