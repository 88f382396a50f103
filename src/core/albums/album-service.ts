// Smart albums: create, list, show, pin/exclude, remove, export. Membership is computed at
// read time against the library as it is (lazy), not stored: a photo indexed a second ago
// is in every album whose query it matches, and a removed one is in none, with no
// bookkeeping to drift. The cost is one text embedding and one vector search per album
// read (milliseconds; at 100k photos the search is the IVF index's).
import path from 'node:path';
import type { LibraryService } from '../library/library-service';
import type { LibraryStore, VectorHit } from '../store/types';
import { dot } from '../clip/vectors';
import { AlbumError, DEFAULT_ALBUM_THRESHOLD, checkAlbumName, checkThreshold, parseAlbum, type AlbumDefinition, type AlbumFilters } from './album';
import { albumQueryVector } from './album-query';
import { exportPhotos, type ExportReport } from './album-export';

export interface AlbumMember {
  path: string;
  /** Cosine similarity to the album's query. */
  score: number;
  pinned: boolean;
}

export interface AlbumSummary extends AlbumDefinition {
  members: number;
}

export interface CreateAlbumOptions {
  threshold?: number;
  filters?: AlbumFilters;
  /** Replace an album of the same name instead of failing. */
  replace?: boolean;
}

/** First page of a threshold search; grows 4x while the page is full of matches. */
const FIRST_PAGE = 256;

export class AlbumService {
  constructor(private readonly library: LibraryService) {}

  async create(name: string, query: string, options: CreateAlbumOptions = {}): Promise<AlbumDefinition> {
    const store = await this.library.writable();
    const checked = checkAlbumName(name);
    if (!query.trim()) throw new AlbumError('an album needs a query', true);
    if (!options.replace && (await store.getAlbum(checked))) throw new AlbumError(`an album named "${checked}" already exists`);
    await albumQueryVector(this.library, query); // a query that cannot run fails now, not at every read
    const filters = { ...(options.filters ?? {}) };
    if (filters.folder !== undefined) filters.folder = path.resolve(filters.folder);
    const album: AlbumDefinition = {
      name: checked,
      query: query.trim(),
      threshold: checkThreshold(options.threshold ?? DEFAULT_ALBUM_THRESHOLD),
      filters,
      pinned: [],
      excluded: [],
      createdAt: Date.now(),
    };
    await this.save(store, album);
    return album;
  }

  async get(name: string): Promise<AlbumDefinition> {
    const record = await (await this.library.readable()).getAlbum(name);
    if (!record) throw new AlbumError(`no album named "${name}" (shoebox albums list)`);
    return parseAlbum(record.json);
  }

  async list(): Promise<AlbumSummary[]> {
    const records = await (await this.library.readable()).listAlbums();
    const out: AlbumSummary[] = [];
    for (const r of records) {
      const album = parseAlbum(r.json);
      out.push({ ...album, members: (await this.membersOf(album)).length });
    }
    return out;
  }

  async members(name: string): Promise<AlbumMember[]> {
    return this.membersOf(await this.get(name));
  }

  /** Pins a library photo into the album (and un-excludes it). */
  async pin(name: string, photoPath: string): Promise<AlbumDefinition> {
    return this.edit(name, photoPath, (album, abs) => {
      album.excluded = album.excluded.filter((p) => p !== abs);
      if (!album.pinned.includes(abs)) album.pinned.push(abs);
    });
  }

  /** Keeps a photo out of the album whatever its score (and un-pins it). */
  async exclude(name: string, photoPath: string): Promise<AlbumDefinition> {
    return this.edit(name, photoPath, (album, abs) => {
      album.pinned = album.pinned.filter((p) => p !== abs);
      if (!album.excluded.includes(abs)) album.excluded.push(abs);
    });
  }

  /** Undoes a pin or an exclusion. */
  async unpin(name: string, photoPath: string): Promise<AlbumDefinition> {
    return this.edit(name, photoPath, (album, abs) => {
      album.pinned = album.pinned.filter((p) => p !== abs);
      album.excluded = album.excluded.filter((p) => p !== abs);
    }, false);
  }

  async remove(name: string): Promise<void> {
    await this.get(name);
    await (await this.library.writable()).removeAlbum(name);
  }

  /** Exports the current members as symbolic links (default) or copies into `dir`. */
  async export(name: string, dir: string, options: { copy?: boolean } = {}): Promise<ExportReport> {
    const members = await this.members(name);
    return exportPhotos(
      members.map((m) => m.path),
      path.resolve(dir),
      { mode: options.copy ? 'copy' : 'symlink' },
    );
  }

  private async edit(name: string, photoPath: string, change: (album: AlbumDefinition, abs: string) => void, mustBeIndexed = true): Promise<AlbumDefinition> {
    const store = await this.library.writable();
    const album = await this.get(name);
    const abs = path.resolve(photoPath);
    if (mustBeIndexed && !(await store.getPhoto(abs))) throw new AlbumError(`not in the library: ${abs}`);
    change(album, abs);
    await this.save(store, album);
    return album;
  }

  private async save(store: LibraryStore, album: AlbumDefinition): Promise<void> {
    await store.putAlbum({ name: album.name, json: JSON.stringify(album), updatedAt: Date.now() });
  }

  private async membersOf(album: AlbumDefinition): Promise<AlbumMember[]> {
    const store = await this.library.readable();
    const vector = await albumQueryVector(this.library, album.query);
    const { filters } = album;
    let hits = await hitsAbove(store, vector, album.threshold, filters.folder);
    if (filters.tag !== undefined) {
      const tagged = new Set(await store.pathsWithTag(filters.tag));
      hits = hits.filter((h) => tagged.has(h.path));
    }
    if (filters.after !== undefined || filters.before !== undefined) {
      const photos = await store.listPhotos(filters.folder === undefined ? {} : { folder: filters.folder });
      const takenAt = new Map(photos.map((p) => [p.path, p.takenAt]));
      hits = hits.filter((h) => {
        const t = takenAt.get(h.path);
        return t != null && (filters.after === undefined || t >= filters.after) && (filters.before === undefined || t < filters.before);
      });
    }
    const excluded = new Set(album.excluded);
    const pinned = new Set(album.pinned);
    const members = new Map<string, AlbumMember>();
    for (const h of hits) if (!excluded.has(h.path)) members.set(h.path, { path: h.path, score: h.score, pinned: pinned.has(h.path) });
    for (const p of album.pinned) {
      if (members.has(p)) continue;
      const photo = await store.getPhoto(p); // a pinned photo that left the library leaves the album
      if (photo) members.set(p, { path: p, score: dot(vector, photo.vector), pinned: true });
    }
    return [...members.values()].sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
  }
}

/** Every photo whose cosine to `vector` is at least `threshold`, best first. */
async function hitsAbove(store: LibraryStore, vector: Float32Array, threshold: number, folder?: string): Promise<VectorHit[]> {
  const total = await store.countPhotos(folder === undefined ? {} : { folder });
  for (let limit = FIRST_PAGE; ; limit *= 4) {
    const hits = await store.searchVectors({ vector, limit: Math.min(limit, Math.max(total, 1)), ...(folder !== undefined ? { folder } : {}) });
    const last = hits.at(-1);
    if (hits.length < limit || !last || last.score < threshold || limit >= total) return hits.filter((h) => h.score >= threshold);
  }
}
