// The whole store in memory: the repositories' fakes composed into a `LibraryStore`, as
// src/core/store/index.ts composes the LanceDB ones. For services that take a narrow store
// (TaggingStore, AlbumStore, DupesStore) this one satisfies them all, so a test seeds one
// store and every service sees the same library.
import type { LibraryStore, PhotoRecord } from '../../../src/core/store/types';
import { modelKey } from '../../../src/core/store/model-key';
import { fakePhotos, type FakePhotos } from './fake-photos';
import { fakeAlbums, fakeArchive, fakeDescriptions, fakeFavourites, fakeFolders, fakeRotations, fakeSignatures } from './fake-records';
import { fakeTags, type FakeTags } from './fake-tags';
import { fakePhotoText } from './fake-photo-text';
import { fakeVideoFrames } from './fake-video-frames';
import { fakeContentEdits } from './fake-content-edits';

export type FakeStore = LibraryStore & {
  readonly photos: FakePhotos;
  readonly tags: FakeTags;
  readonly signatures: ReturnType<typeof fakeSignatures>;
};

export function fakeStore(modelId = 'fake-model'): FakeStore {
  const photos = fakePhotos(modelId);
  const tags = fakeTags(modelId, photos.touch);
  const signatures = fakeSignatures();
  const parts = { ...photos, ...tags, ...fakeAlbums(), ...fakeFavourites(photos.touch), ...fakeArchive(photos.touch), ...fakeDescriptions(photos.touch), ...fakeRotations(photos.touch), ...signatures, ...fakeFolders(photos), ...fakePhotoText(), ...fakeVideoFrames(() => new Set([...photos.rows.values()].map((r) => r.hash))), ...fakeContentEdits(photos) };
  return {
    ...parts, // dataVersion: photo and tag writes both bump it, as the real one joins both tables' versions
    photos,
    tags,
    signatures,
    schemaVersion: 4,
    modelId,
    modelTablesKey: modelKey(modelId),
    async ensureVectorIndex() {},
    async modelTables() {
      return [{ modelId, photos: photos.rows.size }];
    },
    async dropModelTable(id) {
      if (id === modelId) throw new Error(`Cannot drop the photos table of the active model ${id}`);
    },
    async optimize() {},
    detach() {},
    async close() {},
    async whenClosed() {},
  };
}

/** A photo row with the fields a policy looks at; the rest plausible defaults. */
export function photoRecord(p: string, vector: readonly number[] | Float32Array, fields: Partial<PhotoRecord> = {}): PhotoRecord {
  return {
    path: p,
    folder: fields.folder ?? p.slice(0, p.lastIndexOf('/')),
    size: 1000,
    mtimeMs: 1_600_000_000_000,
    hash: `hash-of-${p}`,
    width: 640,
    height: 480,
    takenAt: null,
    takenOffset: null,
    cameraMake: null,
    cameraModel: null,
    gpsLat: null,
    gpsLon: null,
    orientation: null,
    modelId: 'fake-model',
    vector: unit(vector),
    thumbKey: `thumb-${p}`,
    indexedAt: 1_600_000_000_000,
    ...fields,
  };
}

/** The vector scaled to length 1 (the store holds normalised embeddings). */
export function unit(v: readonly number[] | Float32Array): Float32Array {
  const norm = Math.hypot(...v);
  return Float32Array.from(v, (x) => x / norm);
}
