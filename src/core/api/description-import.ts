// Descriptions from other apps: the captions a user wrote in Lightroom, digiKam, Photoshop or
// Apple Photos (an XMP sidecar, the photo's own XMP or IPTC, a real EXIF ImageDescription:
// media/caption.ts) become the photos' descriptions in Shoebox, so switching leaves none behind.
// An explicit import, not part of indexing: the index's hot path stays as it is. It never
// overwrites a description (its writes only insert: one the user writes while it runs wins).
// Run again, it reads only the photos indexed since the last import that finished (a photo
// captioned elsewhere since changed, so it was indexed again): a description the user removed
// in Shoebox is not brought back. One that stopped, or met photos it could not read, leaves
// the mark where it was, so the next run reads those again. The files are only read.
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_DESCRIPTION, type DescriptionImport } from '../../shared/api';
import { readCaption, sidecarCaption } from '../media';
import type { ApiContext } from './api-context';

/** Captions per commit: one LanceDB version per this many photos. */
const BATCH = 1024;
/** A sidecar larger than this is no caption's (XMP sidecars are a few KB). */
const MAX_SIDECAR_BYTES = 4 * 1024 * 1024;
/** The library setting: when the last import that finished with nothing left began (epoch ms). */
export const DESCRIPTIONS_IMPORTED_AT = 'descriptionsImportedAt';

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Imports the captions of the photos without a description indexed since the last import. */
export async function importDescriptions(ctx: ApiContext, options: ImportOptions = {}): Promise<DescriptionImport> {
  const startedAt = Date.now();
  const lib = await ctx.need();
  const store = await lib.writable();
  const [photos, described, mark] = await Promise.all([store.listPhotoDates(), store.descriptions(), store.getLibrarySetting(DESCRIPTIONS_IMPORTED_AT)]);
  const since = mark === null ? 0 : Number(JSON.parse(mark)) || 0;
  // Every path of each content to read (videos have no caption); a content is read when any of
  // its rows was indexed since the mark.
  const paths = new Map<string, string[]>();
  const fresh = new Set<string>();
  for (const p of photos) {
    if ((p.durationMs ?? null) !== null || described.has(p.hash)) continue;
    paths.set(p.hash, [...(paths.get(p.hash) ?? []), p.path]);
    if (p.indexedAt >= since) fresh.add(p.hash);
  }
  const toRead = [...paths].filter(([hash]) => fresh.has(hash));
  const result: DescriptionImport = { read: 0, imported: 0, unreadable: [], described: new Set(photos.filter((p) => described.has(p.hash)).map((p) => p.hash)).size };
  let pending = new Map<string, string>();
  const commit = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    result.imported += await ctx.writes.descriptions(() => store.addDescriptions(batch));
  };
  let done = 0;
  for (const [hash, files] of toRead) {
    if (options.signal?.aborted) break;
    const caption = await captionOf(files);
    if (caption === undefined) result.unreadable.push(files[0]!);
    else {
      result.read++;
      if (caption) pending.set(hash, shortened(caption));
    }
    options.onProgress?.(++done, toRead.length);
    if (pending.size >= BATCH) await commit();
  }
  await commit();
  if (!options.signal?.aborted && result.unreadable.length === 0) await store.putLibrarySetting(DESCRIPTIONS_IMPORTED_AT, JSON.stringify(startedAt));
  if (result.imported > 0) ctx.emit({ type: 'photos-changed', added: 0, removed: 0 });
  return result;
}

/**
 * The caption of a content: the first its files give (copies share their bytes, not their
 * sidecars); null when every file that could be read has none; undefined when none could be read.
 */
async function captionOf(files: readonly string[]): Promise<string | null | undefined> {
  let readOne = false;
  for (const file of files) {
    try {
      const caption = await fileCaption(file);
      readOne = true;
      if (caption) return caption;
    } catch {
      // Gone or unreadable here (a NAS away): the next copy, else the next run.
    }
  }
  return readOne ? null : undefined;
}

/**
 * One file's caption: its own sidecar (`IMG_1.jpg.xmp`, darktable's and digiKam's), then what
 * the photo holds, then a sidecar named for the shot (`IMG_1.xmp`: Lightroom's, usually the
 * RAW's beside the JPEG, so the photo's own caption goes first). Throws when the file cannot be read.
 */
async function fileCaption(file: string): Promise<string | null> {
  const st = await fs.stat(file);
  const own = await sidecar(`${file}.xmp`);
  // An empty file has no metadata (and exifr would leave its handle open on it).
  const caption = st.size === 0 ? (own === null ? null : sidecarCaption(own)) : await readCaption(file, own);
  if (caption) return caption;
  const stem = file.slice(0, file.length - path.extname(file).length);
  for (const name of [`${stem}.xmp`, `${stem}.XMP`]) {
    const shot = await sidecar(name);
    if (shot !== null) return sidecarCaption(shot);
  }
  return null;
}

/** A sidecar's text, or null when there is none (or it is too large to be one). */
async function sidecar(file: string): Promise<string | null> {
  try {
    const st = await fs.stat(file);
    return st.isFile() && st.size <= MAX_SIDECAR_BYTES ? await fs.readFile(file, 'utf8') : null;
  } catch {
    return null;
  }
}

/** A caption longer than a description may be, cut at a word (else a whole character) and marked so. */
function shortened(caption: string): string {
  const chars = Array.from(caption);
  if (chars.length <= MAX_DESCRIPTION) return caption;
  const cut = chars.slice(0, MAX_DESCRIPTION - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
