import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Calibration, SLOW_CAPTIONS_MS, MARGIN_SIGMAS, MAX_CUTOFF, MIN_CUTOFF, cutoffFor, imageStats, textStats, type Baselines, type CalibrationSource } from '../../../src/core/search/calibration';
import { NULL_CAPTIONS } from '../../../src/core/search/null-captions';
import { combineTerms, meanDirection } from '../../../src/core/search/query-vectors';
import { promptsFor, SEARCH_TEMPLATES } from '../../../src/core/search/prompts';

const v = (...xs: number[]) => Float32Array.from(xs);

describe('cut-off formula', () => {
  const baselines: Baselines = { text: { mean: 0.2, sd: 0.03, count: 1000 }, image: { mean: 0.5, sd: 0.1, count: 1000 }, imageMeasured: true };

  it('one text term: the caption baseline mean + MARGIN_SIGMAS sd', () => {
    expect(cutoffFor([{ kind: 'text', sign: 1, weight: 1 }], 1, baselines)).toBeCloseTo(0.2 + MARGIN_SIGMAS * 0.03, 10);
  });

  it('one image term uses the photo-to-photo baseline', () => {
    expect(cutoffFor([{ kind: 'image', sign: 1, weight: 1 }], 1, baselines)).toBeCloseTo(0.5 + MARGIN_SIGMAS * 0.1, 10);
  });

  it('combines terms as random terms of the same kinds would score, divided by the sum length', () => {
    const terms = [
      { kind: 'text' as const, sign: 1 as const, weight: 2 },
      { kind: 'image' as const, sign: 1 as const, weight: 1 },
      { kind: 'text' as const, sign: -1 as const, weight: 1 },
    ];
    const mean = 2 * 0.2 + 0.5 - 0.2;
    const sd = Math.sqrt((2 * 0.03) ** 2 + 0.1 ** 2 + 0.03 ** 2);
    expect(cutoffFor(terms, 1.7, baselines)).toBeCloseTo((mean + MARGIN_SIGMAS * sd) / 1.7, 10);
  });

  it('stays a cosine that lets a photo and its copies through, however spread the baseline', () => {
    // The tiny test model on real photos: captions score -0.30 +- 0.67, photo pairs 0.41 +- 0.53.
    const spread: Baselines = { text: { mean: -0.3, sd: 0.67, count: 3776 }, image: { mean: 0.41, sd: 0.53, count: 1711 }, imageMeasured: true };
    expect(cutoffFor([{ kind: 'text', sign: 1, weight: 1 }], 1, spread)).toBe(MAX_CUTOFF);
    expect(cutoffFor([{ kind: 'image', sign: 1, weight: 1 }], 1, spread)).toBe(MAX_CUTOFF);
    expect(MAX_CUTOFF).toBeLessThan(0.93); // the look-alike duplicates threshold (src/core/dupes)
    expect(cutoffFor([{ kind: 'text', sign: -1, weight: 1 }], 0.1, { ...spread, text: { mean: 0.5, sd: 0, count: 1 } })).toBe(MIN_CUTOFF);
  });

  it('only negatives: keeps photos clearly less like them than a random caption', () => {
    expect(cutoffFor([{ kind: 'text', sign: -1, weight: 1 }], 1, baselines)).toBeCloseTo(-0.2 + MARGIN_SIGMAS * 0.03, 10);
  });
});

describe('statistics', () => {
  it('text: every caption against every photo', () => {
    const stats = textStats([v(1, 0), v(0, 1)], [v(1, 0), v(0.6, 0.8)]);
    // scores 1, 0.6, 0, 0.8
    expect(stats.count).toBe(4);
    expect(stats.mean).toBeCloseTo(0.6, 6);
    expect(stats.sd).toBeCloseTo(Math.sqrt((0.16 + 0 + 0.36 + 0.04) / 3), 6);
  });

  it('image: pairs of distinct photos, and nothing for a library too small to tell', () => {
    expect(imageStats(Array.from({ length: 49 }, () => v(1, 0)))).toBeNull();
    const photos = Array.from({ length: 60 }, (_, i) => (i % 2 ? v(1, 0) : v(0, 1)));
    const stats = imageStats(photos)!;
    expect(stats.count).toBe((60 * 59) / 2);
    expect(stats.mean).toBeCloseTo(29 / 59, 6); // same-kind pairs score 1, the others 0
  });
});

describe('query vectors', () => {
  it('normalise(sum of signed, weighted unit vectors), with the sum length', () => {
    const { vector, norm } = combineTerms(
      [
        { sign: 1, weight: 2 },
        { sign: -1, weight: 1 },
      ],
      [v(1, 0), v(0, 1)],
    );
    expect(norm).toBeCloseTo(Math.sqrt(5), 6);
    expect(Array.from(vector)).toEqual([expect.closeTo(2 / Math.sqrt(5), 6), expect.closeTo(-1 / Math.sqrt(5), 6)]);
    expect(Array.from(meanDirection([v(1, 0), v(0, 1)]))).toEqual([expect.closeTo(Math.SQRT1_2, 6), expect.closeTo(Math.SQRT1_2, 6)]);
  });

  it('templates text terms unless raw or already a caption', () => {
    expect(promptsFor('golden retriever', false)).toEqual(SEARCH_TEMPLATES.map((t) => t.replace('{}', 'golden retriever')));
    expect(promptsFor('golden retriever', true)).toEqual(['golden retriever']);
    expect(promptsFor('a photo of my dog', false)).toEqual(['a photo of my dog']);
    expect(promptsFor('Picture of a sunset', false)).toEqual(['Picture of a sunset']);
    expect(promptsFor('photography studio', false)).toHaveLength(SEARCH_TEMPLATES.length);
  });
});

describe('Calibration (stored per model, recomputed when the library changes)', () => {
  function fakeSource(photos: { count: number }) {
    const calls = { captions: 0, samples: 0 };
    const source: CalibrationSource = {
      modelId: 'm',
      photoCount: async () => photos.count,
      sampleVectors: async (max) => {
        calls.samples++;
        return Array.from({ length: Math.min(max, photos.count) }, (_, i) => v(Math.cos(i), Math.sin(i)));
      },
      embedCaptions: async (captions) => {
        calls.captions++;
        return captions.map((_, i) => v(Math.cos(i / 3), Math.sin(i / 3)));
      },
    };
    return { source, calls };
  }
  const file = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-calibration-')), 'calibration', 'm.json');

  it('is null for an empty library', async () => {
    expect(await new Calibration(file(), fakeSource({ count: 0 }).source).baselines('templated')).toBeNull();
  });

  it('embeds the captions once per model and mode, and keeps them on disk', async () => {
    const where = file();
    const library = { count: 20 };
    const first = fakeSource(library);
    const baselines = await new Calibration(where, first.source).baselines('templated');
    expect(baselines?.text.count).toBe(NULL_CAPTIONS.length * 20);
    expect(baselines?.imageMeasured).toBe(false); // 20 photos: too few to measure photo pairs
    expect(baselines?.image).toEqual(baselines?.text);
    expect(first.calls).toEqual({ captions: 1, samples: 1 });

    // Another process: reads the file, embeds nothing, samples nothing.
    const second = fakeSource(library);
    expect(await new Calibration(where, second.source).baselines('templated')).toEqual(baselines);
    expect(second.calls).toEqual({ captions: 0, samples: 0 });

    // The library changed: statistics again, caption vectors reused.
    library.count = 80;
    const third = fakeSource(library);
    const after = await new Calibration(where, third.source).baselines('templated');
    expect(third.calls).toEqual({ captions: 0, samples: 1 });
    expect(after?.imageMeasured).toBe(true);
    expect(JSON.parse(fs.readFileSync(where, 'utf8'))).toMatchObject({ photos: 80, sampled: 80, modelId: 'm' });

    // Another mode embeds its own captions.
    await new Calibration(where, third.source).baselines('raw');
    expect(third.calls.captions).toBe(1);
  });

  it('embeds the captions before the library holds a photo (preloaded at startup), so the first search waits for none', async () => {
    const where = file();
    const library = { count: 0 };
    const first = fakeSource(library);
    const calibration = new Calibration(where, first.source);
    await calibration.prepare('templated');
    await calibration.prepare('templated');
    expect(first.calls).toEqual({ captions: 1, samples: 0 });
    expect(await calibration.baselines('templated')).toBeNull(); // no photo yet: no statistics
    // The first index brought photos: statistics only, in this process and in another one.
    library.count = 20;
    expect((await calibration.baselines('templated'))?.text.count).toBe(NULL_CAPTIONS.length * 20);
    const other = fakeSource(library);
    await new Calibration(where, other.source).baselines('templated');
    expect([first.calls.captions, other.calls.captions]).toEqual([1, 0]);
  });

  afterEach(() => void vi.useRealTimers());

  it('says when a search waits for the captions long enough to notice, and only then', async () => {
    // Fake time for the waits, real turns of the event loop for the file reads and writes.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const settle = async <T>(promise: Promise<T>): Promise<T> => {
      let done = false;
      void promise.finally(() => (done = true));
      while (!done) {
        await vi.advanceTimersByTimeAsync(100);
        await new Promise((r) => setImmediate(r));
      }
      return promise;
    };
    const embeddingFor = (ms: number) => {
      const { source } = fakeSource({ count: 5 });
      const said: string[] = [];
      const calibration = new Calibration(file(), {
        ...source,
        embedCaptions: async (captions, mode) => {
          await new Promise((r) => setTimeout(r, ms));
          return source.embedCaptions(captions, mode);
        },
        preparing: () => said.push('preparing'),
      });
      return { calibration, said };
    };
    const slow = embeddingFor(SLOW_CAPTIONS_MS + 1000);
    expect(await settle(slow.calibration.baselines('templated'))).not.toBeNull();
    expect(slow.said).toEqual(['preparing']);
    const fast = embeddingFor(SLOW_CAPTIONS_MS / 10);
    expect(await settle(fast.calibration.baselines('templated'))).not.toBeNull();
    expect(fast.said).toEqual([]);
  });

  it('ignores a file of another model or version, and survives a home it cannot write', async () => {
    const where = file();
    fs.mkdirSync(path.dirname(where), { recursive: true });
    fs.writeFileSync(where, JSON.stringify({ version: 0, modelId: 'm' }));
    const { source, calls } = fakeSource({ count: 5 });
    expect(await new Calibration(where, source).baselines('templated')).not.toBeNull();
    expect(calls.captions).toBe(1);
    const readOnly = path.join(where, 'not-a-dir', 'x.json'); // parent is a file: cannot write
    expect(await new Calibration(readOnly, fakeSource({ count: 5 }).source).baselines('templated')).not.toBeNull();
  });
});
