// This device's copies of an S3 library's thumbnails (<home>/cache/library-thumbs/…), kept
// within a size: a grid reads each thumbnail from S3 once per device, but a 100k-photo
// library's thumbnails (~3 GB) need not all stay on a laptop's disk. When the cache grows past
// its limit, the least recently used copies go, down to 80% of it (so a trim is rare); any of
// them is read from S3 again when next shown. Only copies live here: nothing is lost.
import fs from 'node:fs/promises';
import path from 'node:path';
import { FolderFiles } from './folder-files';

/** What the thumbnails need of a device cache (media/thumbnail.ts libraryThumbnails). */
export interface FileCache {
  read(key: string): Promise<Buffer | null>;
  writeNew(key: string, data: Uint8Array): Promise<boolean>;
}

/** A cache is trimmed down to this share of its limit. */
const TRIM_TO = 0.8;
/** Files whose size is read to estimate the cache's (thumbnails are alike in size). */
const SAMPLE = 256;
/** Stats in flight at once while the cache is counted. */
const STATS_AT_ONCE = 64;
/** Keys marked as used in this process, at most (then marked again: one more utimes each). */
const MAX_MARKED = 100_000;

export class BoundedCache implements FileCache {
  private readonly files: FolderFiles;
  /** Bytes in the cache; null until the first walk has counted them. */
  private total: number | null = null;
  /** Bytes written since the walk under way began (it may not see them). */
  private sinceWalk = 0;
  private trimming: Promise<void> | null = null;
  private readonly marked = new Set<string>();

  constructor(
    dir: string,
    readonly maxBytes: number,
  ) {
    this.files = new FolderFiles(dir);
  }

  async read(key: string): Promise<Buffer | null> {
    const data = await this.files.read(key);
    if (data) this.markUsed(key);
    return data;
  }

  async writeNew(key: string, data: Uint8Array): Promise<boolean> {
    const wrote = await this.files.writeNew(key, data);
    if (wrote) {
      this.marked.add(key); // written now: its time is now
      this.sinceWalk += data.byteLength;
      if (this.total !== null) this.total += data.byteLength;
      if (this.total === null || this.total > this.maxBytes) this.trimSoon();
    }
    return wrote;
  }

  /** Waits for a trim under way (tests; closing). */
  async settled(): Promise<void> {
    while (this.trimming) await this.trimming;
  }

  /** Use is the file's time, set at most once a process per key: the order a trim goes by. */
  private markUsed(key: string): void {
    if (this.marked.has(key)) return;
    if (this.marked.size >= MAX_MARKED) this.marked.clear();
    this.marked.add(key);
    const now = new Date();
    void fs.utimes(this.files.where(key), now, now).catch(() => {}); // gone meanwhile: nothing to mark
  }

  /** Counts the cache (once a process) and trims it when over the limit, in the background. */
  private trimSoon(): void {
    this.trimming ??= this.trim()
      .catch(() => {}) // a cache that cannot be trimmed costs disk space, never a thumbnail
      .finally(() => {
        this.trimming = null;
        // Written while it ran, past the limit again: once more (never for a cache that
        // cannot be trimmed, which would go round for ever).
        if (this.total !== null && this.total > this.maxBytes && this.sinceWalk > 0) this.trimSoon();
      });
  }

  private async trim(): Promise<void> {
    this.sinceWalk = 0;
    const files = await this.list();
    // Thumbnails are alike in size: a sample tells the total without a stat of every file
    // (4 s for 100k here, which a command's close would wait for). Every file is looked at
    // only when the cache seems over its limit.
    const sample = await sizes(files.filter((_, i) => i % Math.max(1, Math.floor(files.length / SAMPLE)) === 0));
    const estimate = sample.length ? (sample.reduce((n, e) => n + e.size, 0) / sample.length) * files.length : 0;
    let total = estimate;
    if (estimate > this.maxBytes) {
      const entries = await sizes(files);
      total = entries.reduce((n, e) => n + e.size, 0);
      entries.sort((a, b) => a.usedAt - b.usedAt);
      for (const entry of entries) {
        if (total <= this.maxBytes * TRIM_TO) break;
        await fs.rm(entry.file, { force: true });
        total -= entry.size;
      }
    }
    this.total = total + this.sinceWalk; // what the walk may have missed counts too (twice at worst: an early trim)
  }

  /** The cache's files, without a stat of each. */
  private async list(): Promise<string[]> {
    const entries = await fs.readdir(this.files.root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  }
}

/** Each file's size and last use, STATS_AT_ONCE at a time; a file gone meanwhile is left out. */
async function sizes(files: readonly string[]): Promise<{ file: string; size: number; usedAt: number }[]> {
  const out: { file: string; size: number; usedAt: number }[] = [];
  for (let i = 0; i < files.length; i += STATS_AT_ONCE) {
    const stats = await Promise.all(files.slice(i, i + STATS_AT_ONCE).map((file) => fs.stat(file).then((st) => ({ file, size: st.size, usedAt: st.mtimeMs }), () => null)));
    for (const st of stats) if (st) out.push(st);
  }
  return out;
}
