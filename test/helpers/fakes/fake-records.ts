// In-memory albums, favourites, the archive, signatures, folders and failures (AlbumRepository,
// FavouriteRepository, SignatureRepository, FolderRepository, FailureRepository of src/core/store/types.ts): keyed documents, listed in
// the real store's order (by name, by path).
import path from 'node:path';
import type { AlbumRecord, AlbumRepository, ArchiveRepository, DescriptionRepository, FavouriteRepository, RotationRepository, FailureRecord, FailureRepository, FolderRecord, FolderRepository, PhotoWrites, SignatureRecord, SignatureRepository } from '../../../src/core/store/types';
import { addTurns } from '../../../src/shared/rotation';

export function fakeAlbums(): AlbumRepository {
  const albums = new Map<string, AlbumRecord>();
  return {
    async putAlbum(record) {
      albums.set(record.name, { ...record });
    },
    async getAlbum(name) {
      return albums.get(name) ?? null;
    },
    async listAlbums() {
      return [...albums.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    },
    async removeAlbum(name) {
      albums.delete(name);
    },
  };
}

/** A set of marked contents; `touch` bumps the store's data version, as a write to the real table does. */
function fakeMarks(touch: () => void): { set(list: readonly string[], marked: boolean): Promise<void>; hashes(): Promise<ReadonlySet<string>> } {
  let hashes = new Set<string>();
  return {
    async set(list, marked) {
      hashes = new Set(hashes); // a set handed out earlier stays as it was, like the real cache's
      for (const h of list) {
        if (marked) hashes.add(h);
        else hashes.delete(h);
      }
      touch();
    },
    async hashes() {
      return hashes;
    },
  };
}

export function fakeFavourites(touch: () => void): FavouriteRepository {
  const marks = fakeMarks(touch);
  return { setFavourites: marks.set, favouriteHashes: marks.hashes };
}

export function fakeArchive(touch: () => void): ArchiveRepository {
  const marks = fakeMarks(touch);
  return { setArchived: marks.set, archivedHashes: marks.hashes };
}

/** Descriptions by content, as descriptions-repository.ts keeps them (trimmed; blank removes). */
export function fakeDescriptions(touch: () => void): DescriptionRepository {
  let texts = new Map<string, string>();
  return {
    async setDescriptions(hashes, text) {
      texts = new Map(texts); // a map handed out earlier stays as it was, like the real cache's
      for (const hash of hashes) {
        if (text === null || text.trim() === '') texts.delete(hash);
        else texts.set(hash, text.trim());
      }
      touch();
    },
    async addDescriptions(each) {
      texts = new Map(texts);
      let added = 0;
      for (const [hash, text] of each) {
        if (text.trim() === '' || texts.has(hash)) continue;
        texts.set(hash, text.trim());
        added++;
      }
      touch();
      return added;
    },
    async descriptions() {
      return texts;
    },
  };
}

/** Rotations by content, as rotations-repository.ts keeps them (1-3 clockwise turns; upright: none). */
export function fakeRotations(touch: () => void): RotationRepository {
  let turns = new Map<string, number>();
  let embedded = new Map<string, number>();
  return {
    async rotate(hashes, by) {
      turns = new Map(turns); // a map handed out earlier stays as it was, like the real cache's
      for (const hash of new Set(hashes)) {
        const next = by === 'reset' ? 0 : addTurns(turns.get(hash) ?? 0, by);
        if (next === 0) turns.delete(hash);
        else turns.set(hash, next);
      }
      touch();
    },
    async rotations() {
      return turns;
    },
    async embeddedTurns() {
      return embedded;
    },
    async recordEmbeddedTurns(entries) {
      embedded = new Map([...embedded, ...entries.map((e) => [e.hash, e.turns] as const)]);
      touch();
    },
  };
}

export function fakeSignatures(): SignatureRepository & { readonly rows: Map<string, SignatureRecord> } {
  const rows = new Map<string, SignatureRecord>();
  return {
    rows,
    async getSignatures(hashes) {
      return hashes === undefined ? [...rows.values()] : [...new Set(hashes)].flatMap((h) => rows.get(h) ?? []);
    },
    async putSignatures(records) {
      for (const r of records) rows.set(r.hash, r);
    },
  };
}

/** Folders and failures; removing or merging a folder acts on the photos through `photos`. */
export function fakeFolders(photos: Pick<PhotoWrites, 'removePhotos'> & { readonly rows: Map<string, { path: string; folder: string }> }): FolderRepository & FailureRepository {
  const folders = new Map<string, FolderRecord>();
  const failures = new Map<string, FailureRecord>();
  const under = (p: string, folder: string) => p.startsWith(folder + path.sep);
  return {
    async addFolder(p) {
      if (!folders.has(p)) folders.set(p, { path: p, addedAt: Date.now() });
    },
    async removeFolder(p, options = {}) {
      const kept = (x: string) => (options.keepUnder ?? []).some((k) => under(x, k));
      await photos.removePhotos([...photos.rows.keys()].filter((x) => under(x, p) && !kept(x)));
      for (const f of failures.keys()) if (under(f, p) && !kept(f)) failures.delete(f);
      folders.delete(p);
    },
    async mergeFolder(inner, outer) {
      for (const r of photos.rows.values()) if (under(r.path, inner)) r.folder = outer;
      for (const f of failures.values()) if (under(f.path, inner)) f.folder = outer;
      folders.delete(inner);
    },
    async listFolders() {
      return [...folders.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    },
    async recordFailures(records) {
      for (const r of records) failures.set(r.path, { ...r });
    },
    async clearFailures(paths) {
      for (const p of paths) failures.delete(p);
    },
    async listFailures(folder) {
      return [...failures.values()].filter((f) => folder === undefined || under(f.path, folder)).sort((a, b) => (a.path < b.path ? -1 : 1));
    },
  };
}
