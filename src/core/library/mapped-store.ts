// The store as this device sees it (folder-mapping.ts): every path going in is turned into the
// library's, every path coming out into this device's. So the indexer, the scan, search,
// listings and status work in this device's paths unchanged, while rows are written and
// matched under the library's paths: a device that indexes a mapped folder finds the rows
// another device wrote there (same path, size, mtime: unchanged, nothing embedded again).
// Methods that carry no path (tags by hash, label sets, signatures, upkeep) pass through, as
// does any method added to LibraryStore later: one that carries paths must be added here.
import type { FailureRecord, FolderRecord, LibraryStore, PhotoFilter, PhotoRecord, PhotoState, PhotoSummary, VectorBatch } from '../store/types';
import type { FolderMap } from './folder-mapping';

/** `store` seen through `map()`, read at each call: a folder mapped while the store is open applies at once. */
export function mappedStore(store: LibraryStore, map: () => FolderMap): LibraryStore {
  const dev = (p: string) => map().toDevice(p);
  const lib = (p: string) => map().toLibrary(p);
  const devRow = <T extends { path: string; folder: string }>(row: T): T => ({ ...row, path: dev(row.path), folder: dev(row.folder) });
  const libRow = <T extends { path: string; folder: string }>(row: T): T => ({ ...row, path: lib(row.path), folder: lib(row.folder) });
  const libFilter = <T extends PhotoFilter>(filter: T): T => ({
    ...filter,
    ...(filter.folder !== undefined ? { folder: lib(filter.folder) } : {}),
    ...(filter.paths !== undefined ? { paths: filter.paths.map(lib) } : {}),
  });
  const libFolder = <T extends { folder?: string }>(options?: T): T | undefined =>
    options?.folder !== undefined ? { ...options, folder: lib(options.folder) } : options;
  const devKeys = <V>(m: Map<string, V>, value: (v: V) => V = (v) => v): Map<string, V> => new Map([...m].map(([k, v]) => [dev(k), value(v)]));

  const overrides: Partial<LibraryStore> = {
    getPhoto: async (p) => {
      const row = await store.getPhoto(lib(p));
      return row ? devRow(row) : null;
    },
    photosByPath: async (paths) => devKeys(await store.photosByPath(paths.map(lib)), devRow<PhotoSummary>),
    photosByHash: async (hash) => (await store.photosByHash(hash)).map(devRow<PhotoRecord>),
    photoStates: async (folder) => devKeys<PhotoState>(await store.photoStates(folder !== undefined ? lib(folder) : undefined)),
    listPhotos: async (options) => (await store.listPhotos(libFolder(options))).map(devRow<PhotoSummary>),
    listPhotoDates: async () => (await store.listPhotoDates()).map((d) => ({ ...d, path: dev(d.path) })),
    // Caches keyed by the data version (the timeline's order, smart albums) hold this device's
    // paths: a folder mapped or unmapped here changes them as much as new photos do.
    dataVersion: async () => `${await store.dataVersion()}|${JSON.stringify(map().mappings)}`,
    photosVersion: async () => `${await store.photosVersion()}|${JSON.stringify(map().mappings)}`,
    countListed: (options) => store.countListed(libFolder(options)),
    countPhotos: (filter) => store.countPhotos(filter ? libFilter(filter) : filter),
    upsertPhotos: (records) => store.upsertPhotos(records.map(libRow<PhotoRecord>)),
    removePhotos: (paths) => store.removePhotos(paths.map(lib)),
    searchVectors: async (query) => (await store.searchVectors(libFilter(query))).map((h) => ({ ...h, path: dev(h.path) })),
    scanVectors: (options) => devBatches(store.scanVectors(libFolder(options)), dev),
    pathsByHash: async (hashes) => new Map([...(await store.pathsByHash(hashes))].map(([h, paths]) => [h, paths.map(dev)])),
    pathsOnlyOtherModelsHold: async () => new Set([...(await store.pathsOnlyOtherModelsHold())].map(dev)),
    libraryPathsByHash: async (hashes) => new Map([...(await store.libraryPathsByHash(hashes))].map(([h, paths]) => [h, paths.map(dev)])),
    recordFailures: (records) => store.recordFailures(records.map(libRow<FailureRecord>)),
    clearFailures: (paths) => store.clearFailures(paths.map(lib)),
    listFailures: async (folder) => (await store.listFailures(folder !== undefined ? lib(folder) : undefined)).map(devRow<FailureRecord>),
    addFolder: (p) => store.addFolder(lib(p)),
    removeFolder: (p, options) => store.removeFolder(lib(p), options?.keepUnder ? { keepUnder: options.keepUnder.map(lib) } : options),
    mergeFolder: (inner, outer) => store.mergeFolder(lib(inner), lib(outer)),
    listFolders: async () => (await store.listFolders()).map((f): FolderRecord => ({ ...f, path: dev(f.path) })),
    // '' is the whole library, in every device's terms.
    addAutoTagFolder: (folder, set) => store.addAutoTagFolder(folder === '' ? '' : lib(folder), set),
    removeAutoTagFolder: (folder, set) => store.removeAutoTagFolder(folder === '' ? '' : lib(folder), set),
    listAutoTagFolders: async () => (await store.listAutoTagFolders()).map((r) => ({ ...r, folder: r.folder === '' ? '' : dev(r.folder) })),
  };
  return new Proxy(store, {
    get(target, property) {
      // Without mappings (most homes) every call goes straight to the store.
      const own = map().empty ? undefined : (overrides as Record<PropertyKey, unknown>)[property];
      if (own !== undefined) return own;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function* devBatches(batches: AsyncIterable<VectorBatch>, dev: (p: string) => string): AsyncIterable<VectorBatch> {
  for await (const batch of batches) yield { ...batch, paths: batch.paths.map(dev) };
}
