// Descriptions from other apps: the captions a user wrote in Lightroom, digiKam, Photoshop or
// Apple Photos (an XMP sidecar, the photo's own XMP or IPTC, a real EXIF ImageDescription:
// media/caption.ts) become the photos' descriptions in Shoebox, so switching leaves none behind.
// An explicit import, not part of indexing: it reads every photo still without a description
// (the index's hot path stays as it is), and it never overwrites one the user wrote in Shoebox,
// also one written while it runs (each commit goes through the descriptions' write queue and
// looks again). Run again after captioning more elsewhere, it adds what is new. The files are
// only read. Resumable: what was committed stays; a stopped run leaves the rest for the next.
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_DESCRIPTION, type DescriptionImport } from '../../shared/api';
import { readCaption } from '../media';
import type { ApiContext } from './api-context';

/** Captions per commit: one LanceDB version per this many photos. */
const BATCH = 256;

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Imports the captions of the library's photos that have no description yet. */
export async function importDescriptions(ctx: ApiContext, options: ImportOptions = {}): Promise<DescriptionImport> {
  const lib = await ctx.need();
  const store = await lib.writable();
  const [photos, described] = await Promise.all([store.listPhotoDates(), store.descriptions()]);
  // Every path of each content still without a description (videos have no caption to read).
  const paths = new Map<string, string[]>();
  for (const p of photos) {
    if ((p.durationMs ?? null) !== null || described.has(p.hash)) continue;
    paths.set(p.hash, [...(paths.get(p.hash) ?? []), p.path]);
  }
  const result: DescriptionImport = { read: 0, imported: 0, unreadable: [], described: new Set(photos.filter((p) => described.has(p.hash)).map((p) => p.hash)).size };
  let pending = new Map<string, string>();
  const commit = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    await ctx.writes.descriptions(async () => {
      // A description the user wrote meanwhile stays theirs.
      const now = await store.descriptions();
      const fresh = new Map([...batch].filter(([hash]) => !now.has(hash)));
      await store.setEachDescription(fresh);
      result.imported += fresh.size;
    });
  };
  let done = 0;
  for (const [hash, files] of paths) {
    if (options.signal?.aborted) break;
    const caption = await firstReadable(files);
    if (caption === undefined) result.unreadable.push(files[0]!);
    else {
      result.read++;
      if (caption) pending.set(hash, shortened(caption));
    }
    options.onProgress?.(++done, paths.size);
    if (pending.size >= BATCH) await commit();
  }
  await commit();
  if (result.imported > 0) ctx.emit({ type: 'photos-changed', added: 0, removed: 0 });
  return result;
}

/** The caption of the first of a content's files that can be read (null: it has none), or undefined when none can. */
async function firstReadable(files: readonly string[]): Promise<string | null | undefined> {
  for (const file of files) {
    try {
      return await readCaption(file, await sidecarOf(file));
    } catch {
      // Gone or unreadable here (a NAS away): the next copy, else the next run.
    }
  }
  return undefined;
}

/** The photo's XMP sidecar: `IMG_1.jpg.xmp` (darktable, digiKam) or `IMG_1.xmp` (Lightroom), if there is one. */
async function sidecarOf(file: string): Promise<string | null> {
  const stem = file.slice(0, file.length - path.extname(file).length);
  for (const candidate of [`${file}.xmp`, `${stem}.xmp`, `${stem}.XMP`]) {
    try {
      return await fs.readFile(candidate, 'utf8');
    } catch {
      // none by that name
    }
  }
  return null;
}

/** A caption longer than a description may be, cut at a word and marked so. */
function shortened(caption: string): string {
  if (caption.length <= MAX_DESCRIPTION) return caption;
  const cut = caption.slice(0, MAX_DESCRIPTION - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_DESCRIPTION / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
