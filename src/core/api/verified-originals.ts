// Originals whose mtime moved but whose bytes were hashed and found to be the content indexed
// (indexed-file-check.ts), remembered by what their stat said then: a FAT card read after a DST
// change moves every photo's mtime, and a grid page would otherwise hash 50 whole originals at
// once, on every visit. A file that changes again (another size, mtime or inode) is another
// key, so it is hashed again. Bounded: the least recently served go first.
import type { Stats } from 'node:fs';

/** Originals remembered (a few hundred bytes each): a long scroll through a shifted card. */
const MAX_REMEMBERED = 2_000;

export type VerifiedStat = Pick<Stats, 'size' | 'mtimeMs' | 'ino' | 'dev'>;

export class VerifiedOriginals {
  /** Insertion order is recency: a hit is moved to the end, the first key is the oldest. */
  private readonly seen = new Set<string>();

  constructor(private readonly max = MAX_REMEMBERED) {}

  has(path: string, now: VerifiedStat, hash: string): boolean {
    const key = keyOf(path, now, hash);
    if (!this.seen.delete(key)) return false;
    this.seen.add(key);
    return true;
  }

  remember(path: string, now: VerifiedStat, hash: string): void {
    const key = keyOf(path, now, hash);
    this.seen.delete(key);
    this.seen.add(key);
    if (this.seen.size > this.max) this.seen.delete(this.seen.values().next().value!);
  }
}

function keyOf(path: string, now: VerifiedStat, hash: string): string {
  return `${now.dev}:${now.ino}:${now.size}:${now.mtimeMs}:${hash}:${path}`;
}
