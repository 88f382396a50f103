// A duplicate scan's reads, each through the store `open()` gives at that moment. A scan runs
// for minutes (signatures of a large library are computed from thumbnails) and takes the
// writer partway to save them, which retires the reader it started on (library-service.ts
// retireReader): the phases after that read through the writer, or the reader opened after it,
// which see the tables the writer chose, rather than a retired store that closes meanwhile.
import type { ScanStore } from './find-duplicates';

export function storeForEachRead(open: () => Promise<ScanStore>): ScanStore {
  return {
    listPhotos: async (options) => (await open()).listPhotos(options),
    listFolders: async () => (await open()).listFolders(),
    getSignatures: async (hashes) => (await open()).getSignatures(hashes),
    takenEdits: async () => (await open()).takenEdits(),
    placeEdits: async () => (await open()).placeEdits(),
    // One store for the whole scan of vectors: it stays open while in flight (store/operations-in-flight.ts).
    scanVectors: (options) => ({
      async *[Symbol.asyncIterator]() {
        yield* (await open()).scanVectors(options);
      },
    }),
  };
}
