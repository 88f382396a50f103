// A library for unit tests of the feature services (Immich's newTestService idea): the
// in-memory store (fake-store.ts) behind readable()/writable(), and a stand-in for the CLIP
// text encoder whose vectors the test chooses, so a test states the geometry its policy
// decides on (this photo is 0.9 "red") instead of depending on what a real model thinks.
// Real CLIP inference is for the integration tests (test/integration, ONNX Runtime).
import path from 'node:path';
import { folderThumbnails, type ThumbnailStore } from '../../../src/core/media';
import { FolderFiles, type LibraryFiles } from '../../../src/core/location';
import { fakeStore, unit, type FakeStore } from './fake-store';
import { tempDir } from '../images';

export interface FakeTextModel {
  embedTexts(texts: readonly string[]): Promise<{ embedding: Float32Array }[]>;
  /** Every text embedded so far, in order (a test can check what was asked). */
  readonly asked: string[];
  /** Images are embedded by ONNX Runtime, in the integration tests only. */
  embedImageFiles(): Promise<never>;
  readonly folder: never;
}

/**
 * A text encoder over chosen words: a text's vector is the normalised sum of the vectors of
 * the words it contains (whole words, any case); a text with none of them points along
 * `dimension - 1`, an axis no word should use (templates like "a photo of a ..." add nothing).
 */
export function wordVectors(words: Record<string, readonly number[]>, dimension: number): FakeTextModel {
  const asked: string[] = [];
  const entries = Object.entries(words).map(([w, v]) => [new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i'), v] as const);
  return {
    asked,
    async embedTexts(texts) {
      asked.push(...texts);
      return texts.map((text) => {
        const sum: number[] = Array.from({ length: dimension }, () => 0);
        for (const [re, v] of entries) if (re.test(text)) v.forEach((x, i) => (sum[i]! += x));
        if (!sum.some((x) => x !== 0)) sum[dimension - 1] = 1;
        return { embedding: unit(sum) };
      });
    },
    async embedImageFiles(): Promise<never> {
      throw new Error('fake text model: images are embedded in the integration tests');
    },
    get folder(): never {
      throw new Error('fake text model: no model folder');
    },
  };
}

export interface FakeLibrary {
  readonly modelId: string;
  readonly paths: { home: string; thumbs: string };
  readonly thumbnails: ThumbnailStore;
  readonly files: LibraryFiles;
  readonly store: FakeStore;
  readonly model: FakeTextModel;
  readable(): Promise<FakeStore>;
  writable(): Promise<FakeStore>;
  clip(): FakeTextModel;
}

export function fakeLibrary(model: FakeTextModel, options: { modelId?: string; home?: string } = {}): FakeLibrary {
  const modelId = options.modelId ?? 'fake-model';
  // A home of its own: what the policies under test write there (search's calibration) must
  // land in a temporary folder, never a fixed path (as root it was created at /nonexistent).
  const home = options.home ?? tempDir('shoebox-fake-home-');
  const store = fakeStore(modelId);
  return {
    modelId,
    paths: { home, thumbs: path.join(home, 'thumbs') },
    thumbnails: folderThumbnails(path.join(home, 'thumbs')),
    files: new FolderFiles(home),
    store,
    model,
    readable: async () => store,
    writable: async () => store,
    clip: () => model,
  };
}
