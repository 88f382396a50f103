// Descriptions and keywords from other apps: the captions a user wrote in Lightroom, digiKam,
// Photoshop or Apple Photos (an XMP sidecar, the photo's own XMP or IPTC, a real EXIF
// ImageDescription: media/caption.ts) become the photos' descriptions in Shoebox, and their
// keywords (XMP dc:subject, IPTC Keywords: media/keywords.ts) their tags in the label set
// "keywords" (keyword-tags.ts), so switching leaves none behind. An explicit import, not part
// of indexing: the index's hot path stays as it is. It never overwrites a description or a tag
// (its writes only insert: one the user writes while it runs wins, a tag the user rejected
// stays rejected). Run again, it reads only the photos indexed since the last import that
// finished (a photo captioned elsewhere since changed, so it was indexed again): a description
// the user removed in Shoebox is not brought back. One that stopped, met photos it could not
// read, or held keywords back leaves the mark of what it could not finish (captions and
// keywords have one each) where it was, so the next run reads those again. The files are only
// read.
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_DESCRIPTION, type DescriptionImport } from '../../shared/api';
import { captionFromTags, keywordsFromTags, readTextTags, sidecarCaption, sidecarKeywords } from '../media';
import type { ApiContext } from './api-context';
import { addKeywordTags } from './keyword-tags';

/** Captions per commit: one LanceDB version per this many photos. */
const BATCH = 1024;
/** A sidecar larger than this is no caption's (XMP sidecars are a few KB). */
const MAX_SIDECAR_BYTES = 4 * 1024 * 1024;
/** The library setting: when the last import whose captions were all read began (epoch ms). */
export const DESCRIPTIONS_IMPORTED_AT = 'descriptionsImportedAt';
/**
 * The same for keywords, a mark of its own: a library whose captions were imported before
 * keywords were has every photo read once more for them (and only for them: a description
 * removed since is not brought back), and keywords held back move only this one.
 */
export const KEYWORDS_IMPORTED_AT = 'keywordsImportedAt';

export interface ImportOptions {
  signal?: AbortSignal;
  /** Every photo read again, not only those indexed since each mark (a caption or keyword
   *  changed in a sidecar alone); a description removed in Shoebox may come back. */
  everything?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Imports the captions (of the photos without a description) and the keywords of the photos indexed since each's last import. */
export async function importDescriptions(ctx: ApiContext, options: ImportOptions = {}): Promise<DescriptionImport> {
  const startedAt = Date.now();
  const lib = await ctx.need();
  const store = await lib.writable();
  const [photos, described, captionMark, keywordMark] = await Promise.all([
    store.listPhotoDates(),
    store.descriptions(),
    store.getLibrarySetting(DESCRIPTIONS_IMPORTED_AT),
    store.getLibrarySetting(KEYWORDS_IMPORTED_AT),
  ]);
  const since = (mark: string | null) => (mark === null ? 0 : Number(JSON.parse(mark)) || 0);
  const [captionsSince, keywordsSince] = options.everything ? [0, 0] : [since(captionMark), since(keywordMark)];
  // Every path of each content to read (videos have neither); a content's caption is read
  // when any of its rows was indexed since the captions' mark (and it has no description),
  // its keywords when since the keywords' mark.
  const paths = new Map<string, string[]>();
  const newest = new Map<string, number>();
  for (const p of photos) {
    if ((p.durationMs ?? null) !== null) continue;
    paths.set(p.hash, [...(paths.get(p.hash) ?? []), p.path]);
    newest.set(p.hash, Math.max(newest.get(p.hash) ?? 0, p.indexedAt));
  }
  const wantsCaption = (hash: string) => !described.has(hash) && newest.get(hash)! >= captionsSince;
  const wantsKeywords = (hash: string) => newest.get(hash)! >= keywordsSince;
  const toRead = [...paths].filter(([hash]) => wantsCaption(hash) || wantsKeywords(hash));
  const result: DescriptionImport = {
    read: 0,
    imported: 0,
    unreadable: [],
    described: new Set(photos.filter((p) => described.has(p.hash)).map((p) => p.hash)).size,
    keywords: 0,
    keyworded: 0,
    keywordSet: null,
    heldBack: [],
  };
  // A mark moves only when everything it stands for was read (and, for keywords, written).
  let captionsComplete = true;
  let keywordsComplete = true;
  let captions = new Map<string, string>();
  // Kept for one write at the end: the set's labels are settled with every keyword known.
  const keywords = new Map<string, string[]>();
  const commitCaptions = async () => {
    const batch = captions;
    captions = new Map();
    if (batch.size) result.imported += await ctx.writes.descriptions(() => store.addDescriptions(batch));
  };
  let done = 0;
  for (const [hash, files] of toRead) {
    if (options.signal?.aborted) break;
    const [caption, keywording] = [wantsCaption(hash), wantsKeywords(hash)];
    const found = await metadataOf(files);
    if (found === undefined) {
      result.unreadable.push(files[0]!);
      if (caption) captionsComplete = false;
      if (keywording) keywordsComplete = false;
    } else {
      if (caption) {
        result.read++;
        if (found.caption) captions.set(hash, shortened(found.caption));
      }
      if (keywording && found.keywords.length) keywords.set(hash, found.keywords);
    }
    options.onProgress?.(++done, toRead.length);
    if (captions.size >= BATCH) await commitCaptions();
  }
  await commitCaptions();
  if (keywords.size) {
    const written = await ctx.writes.tags(() => addKeywordTags(store, keywords, lib.modelId));
    Object.assign(result, { keywords: written.tags, keyworded: written.photos, keywordSet: written.set, heldBack: written.heldBack });
    if (written.heldBack.length) keywordsComplete = false;
  }
  if (!options.signal?.aborted) {
    if (captionsComplete) await store.putLibrarySetting(DESCRIPTIONS_IMPORTED_AT, JSON.stringify(startedAt));
    if (keywordsComplete) await store.putLibrarySetting(KEYWORDS_IMPORTED_AT, JSON.stringify(startedAt));
  }
  if (result.imported > 0 || result.keywords > 0) ctx.emit({ type: 'photos-changed', added: 0, removed: 0 });
  return result;
}

/**
 * A content's caption and keywords: each the first its files give (copies share their bytes,
 * not their sidecars); undefined when none of its files could be read.
 */
async function metadataOf(files: readonly string[]): Promise<{ caption: string | null; keywords: string[] } | undefined> {
  let found: { caption: string | null; keywords: string[] } | undefined;
  for (const file of files) {
    try {
      const one = await fileMetadata(file);
      found = { caption: found?.caption || one.caption, keywords: found?.keywords.length ? found.keywords : one.keywords };
      if (found.caption && found.keywords.length) break;
    } catch {
      // Gone or unreadable here (a NAS away): the next copy, else the next run.
    }
  }
  return found;
}

/**
 * One file's caption and keywords: from its own sidecar (`IMG_1.jpg.xmp`, darktable's and
 * digiKam's), then what the photo holds, then a sidecar named for the shot (`IMG_1.xmp`:
 * Lightroom's, usually the RAW's beside the JPEG, so the photo's own go first). Throws when
 * the file cannot be read.
 */
async function fileMetadata(file: string): Promise<{ caption: string | null; keywords: string[] }> {
  const st = await fs.stat(file);
  const own = await sidecar(`${file}.xmp`);
  // An empty file has no metadata (and exifr would leave its handle open on it).
  const empty = st.size === 0;
  // One read of the photo for both.
  const tags = empty ? null : await readTextTags(file);
  let caption = (own === null ? null : sidecarCaption(own)) ?? captionFromTags(tags);
  let keywords = own === null ? [] : sidecarKeywords(own);
  if (keywords.length === 0) keywords = keywordsFromTags(tags);
  if (caption && keywords.length) return { caption, keywords };
  const stem = file.slice(0, file.length - path.extname(file).length);
  for (const name of [`${stem}.xmp`, `${stem}.XMP`]) {
    const shot = await sidecar(name);
    if (shot === null) continue;
    caption ||= sidecarCaption(shot);
    if (keywords.length === 0) keywords = sidecarKeywords(shot);
    break;
  }
  return { caption, keywords };
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
