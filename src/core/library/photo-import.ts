// Importing photos from a camera's card, a phone's folder or any folder outside the library
// (as Lightroom, digiKam and Apple Photos import): each photo and video is copied into a
// library folder, sorted by the day it was taken (`<to>/2024/2024-06-15/IMG_0042.JPG`), then
// indexed there. The source is only read: nothing on the card is moved, renamed or deleted.
// What the library holds already (the same bytes anywhere in it), and a second copy of one
// file on the card, is not copied again, so importing the same card twice copies only what is
// new. A copy is written beside its final name, checked against the source's SHA-256, given
// the source's modification time, and only then linked under its name, which it never takes
// from another file (an existing name gets " (2)"): a crash or a full disk leaves no half photo
// under a photo's name, and never replaces one. A photo's XMP sidecar goes with it.
// "Already in the library" is checked on disk, not on the index alone, and covers a copy the
// library recorded as unreadable, which has no photo row (api/import-held.ts). A content the
// user moved to the trash from Shoebox is not copied back (`trashed`), unless the caller asks.
// Nothing on the card is passed over unsaid: a link or an empty file is listed in `skipped` with
// why (import-skipped.ts words them); a name that is not UTF-8 cannot be opened, so it may be a
// photo never copied: a failure (the CLI exits 1), as a folder so named is.
// What is a photo or a video is told by content, as indexing tells it (sniff.ts, video-sniff.ts):
// a real JPEG named IMG_0003 is copied, a text file named IMG_FAKE.JPG is left on the card and
// counted apart, with why.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sha256File } from '../../base/sha256-file';
import { hasVideoExtension, locateFfmpeg, probeVideo, readPhotoMetadata, sniffImage, sniffVideo, type FfmpegLocation } from '../media';
import { hasPhotoExtension } from '../media/photo-extensions';
import { isIgnoredFile } from './scan';
import { notUtf8, FOLDER_NAME_NOT_UTF8 } from './undecodable-name';
import { SKIPPED_EMPTY, SKIPPED_LINK, SKIPPED_NAME_NOT_UTF8, SKIPPED_NOT_A_FILE, SKIPPED_NOT_MEDIA } from '../../shared/import-skipped';
import { copyShotSidecar, sameBytes, shotSidecars } from './import-shot-sidecar';
import { isRegularFile } from '../../base/file-kind';
import { copyFailure } from './import-copy-failure';
import { FoldersMade } from './import-folders-made';
import { nameFileFirstFree, partFilePath, removeCrashLeftovers } from '../../base/part-file';

/** What a file is by its content (never by its name). */
export type MediaKind = 'photo' | 'video';

export interface PhotoImportReport {
  /** The files written, by their new paths. */
  copied: string[];
  /** Files found in their day folder already, by path: copied by an import stopped before indexing them (they are indexed now). */
  found: string[];
  /** The contents (SHA-256) of `copied` and `found`: what is in a library folder now. */
  placedHashes: string[];
  /** The videos among `copied` and `found`, by their new paths (the rest are photos). */
  videos: string[];
  /** Files whose content the library holds already (the first of its content on the card). */
  already: number;
  /** How many of `already` are videos. */
  alreadyVideos: number;
  /** The contents (SHA-256) counted in `already`: the caller tells which the library holds as files it could not index. */
  alreadyHashes: string[];
  /** Files on the card, by path, whose content the user moved to the trash from Shoebox: not copied back. */
  trashed: string[];
  /** How many of `trashed` are videos. */
  trashedVideos: number;
  /** Files on the card whose content an earlier file there has (copied once, or held already). */
  duplicates: number;
  /** Files left on the card, by path, with why: no photo or video by their content (a text file named .JPG, an empty file), a link; a photo's XMP sidecar is not one (it goes along). */
  skipped: { path: string; reason: string }[];
  /** Files that could not be read or copied (a name that is not UTF-8 too), and folders not read, by path. */
  failed: { path: string; error: string }[];
  /** Every file was looked at: false when a stop came first. */
  complete: boolean;
}

export interface PhotoImportOptions {
  /**
   * Which of these contents the library holds, by SHA-256 (hex): a file of it still there, its
   * size as indexed, or one it recorded as unreadable. Each comes with its size in bytes, so a
   * recorded failure need only be hashed when its size matches one on the card.
   */
  known: (contents: readonly { hash: string; size: number }[]) => Promise<ReadonlySet<string>>;
  /** Of contents the library does not hold, those not to copy back: moved to the trash from Shoebox. Default: none. */
  trashed?: (contents: readonly { hash: string; size: number }[]) => Promise<ReadonlySet<string>>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Reads a video's recording time; default: located on the first video, null: none (the file's date). */
  ffmpeg?: FfmpegLocation | null;
}

/** Photos read at once before their hashes are looked up in the library. */
const LOOKUP_BATCH = 64;

/** Copies the photos and videos under `from` into `to`, by day taken; `to` must exist. */
export async function importPhotoFiles(from: string, to: string, options: PhotoImportOptions): Promise<PhotoImportReport> {
  const report: PhotoImportReport = { copied: [], found: [], placedHashes: [], videos: [], already: 0, alreadyVideos: 0, alreadyHashes: [], trashed: [], trashedVideos: 0, duplicates: 0, skipped: [], failed: [], complete: false };
  const { media: files, shot, complete: sniffed } = await sniffMedia(listFiles(from, report), report, options.signal);
  const seen = new Set<string>();
  const cleaned = new Set<string>();
  const made = new FoldersMade();
  const when = takenAtReader(options.ffmpeg);
  let done = 0;
  for (let at = 0; at < files.length; at += LOOKUP_BATCH) {
    if (options.signal?.aborted) break;
    const batch: { file: string; kind: MediaKind; hash: string; size: number }[] = [];
    for (const { file, kind } of files.slice(at, at + LOOKUP_BATCH)) {
      try {
        batch.push({ file, kind, size: fs.statSync(file).size, hash: await sha256File(file, options.signal) });
      } catch (error) {
        if (options.signal?.aborted) break;
        report.failed.push({ path: file, error: oneLine(error) });
        options.onProgress?.(++done, files.length);
      }
    }
    const known = await options.known(batch.map(({ hash, size }) => ({ hash, size })));
    const notHeld = batch.filter((b) => !known.has(b.hash)).map(({ hash, size }) => ({ hash, size }));
    const trashed = notHeld.length && options.trashed ? await options.trashed(notHeld) : new Set<string>();
    for (const { file, kind, hash } of batch) {
      if (options.signal?.aborted) break;
      try {
        // A second copy on the card is counted as such, not as held by the library.
        if (seen.has(hash)) report.duplicates++;
        else if (known.has(hash)) {
          report.already++;
          report.alreadyHashes.push(hash);
          if (kind === 'video') report.alreadyVideos++;
        } else if (trashed.has(hash)) {
          report.trashed.push(file);
          if (kind === 'video') report.trashedVideos++;
        } else {
          const placed = await copyInto({ file, kind, hash, shotSidecar: shot.get(file) }, to, cleaned, made, when, options.signal);
          if (placed.existed) report.found.push(placed.path);
          else report.copied.push(placed.path);
          report.placedHashes.push(hash);
          if (kind === 'video') report.videos.push(placed.path);
          for (const side of placed.sidecarErrors) report.failed.push(side);
        }
        seen.add(hash);
      } catch (error) {
        if (options.signal?.aborted) break;
        // A destination that cannot be written is worded the same for every file: said once.
        report.failed.push({ path: file, error: copyFailure(error, to) ?? oneLine(error) });
      }
      options.onProgress?.(++done, files.length);
    }
  }
  // A day folder made for a copy that then failed (a full disk) is not left behind empty.
  made.removeEmpty();
  report.complete = sniffed && done === files.length;
  // By path, whatever step met them: a list the user reads (and a script compares) in one order.
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  report.failed.sort(byPath);
  report.skipped.sort(byPath);
  report.trashed.sort();
  return report;
}

/**
 * The files under `dir` (hidden files and folders left out), sorted; a folder that cannot be
 * read is a failure, the rest goes on. A link is not followed but listed as skipped: one to a
 * file on the card adds nothing (that file is imported as itself), one to a file elsewhere would
 * import what is not on the card, and a card (FAT, exFAT) has none of its own. A name that is not UTF-8 reaches
 * Node with U+FFFD in it, a path no call can open: a failure in the indexer's words (rename it).
 */
function listFiles(dir: string, report: Pick<PhotoImportReport, 'failed' | 'skipped'>): string[] {
  const { failed, skipped } = report;
  const out: string[] = [];
  const walk = (at: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(at, { withFileTypes: true });
    } catch (error) {
      // A card's "System Volume Information", a disk's lost+found.
      if (at === dir) throw error;
      failed.push({ path: at, error: `folder not read: ${oneLine(error)}` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const p = path.join(at, entry.name);
      if (entry.isDirectory()) {
        if (notUtf8(entry.name)) failed.push({ path: p, error: FOLDER_NAME_NOT_UTF8 }); // its photos are not reached
        else walk(p);
      } else if (notUtf8(entry.name)) failed.push({ path: p, error: SKIPPED_NAME_NOT_UTF8 }); // a photo maybe, never copied: not "skipped" (exit 0 lets a script wipe the card)
      else if (entry.isFile()) out.push(p);
      else if (entry.isSymbolicLink()) skipped.push({ path: p, reason: SKIPPED_LINK });
      else skipped.push({ path: p, reason: SKIPPED_NOT_A_FILE }); // a FIFO, a socket, a device
    }
  };
  walk(dir);
  return out.sort();
}

/** Enough of a file to tell a photo or a video by its content (as the indexer reads it). */
const SNIFF_BYTES = 4096;

/**
 * The photos and videos among `files`, told by their content as indexing tells them: the rest
 * go to `skipped` with why (a photo's own sidecar, `IMG_0001.JPG.xmp`, goes along with it and
 * is not counted), a file that cannot be read to `failed`.
 */
async function sniffMedia(files: string[], report: PhotoImportReport, signal?: AbortSignal): Promise<{ media: { file: string; kind: MediaKind }[]; shot: Map<string, string>; complete: boolean }> {
  const media: { file: string; kind: MediaKind }[] = [];
  const others: { file: string; empty: boolean }[] = [];
  for (const file of files) {
    if (signal?.aborted) return { media, shot: new Map(), complete: false };
    let head: Buffer;
    try {
      head = await readHead(file, SNIFF_BYTES);
    } catch (error) {
      report.failed.push({ path: file, error: oneLine(error) });
      continue;
    }
    // As the index tells them (indexer.ts), so nothing it would index stays on the card: a
    // file it passes by (a sidecar, a clip's THM or proxy) is not a photo; sniffImage first
    // (HEIC, AVIF and CR3 are ISO-BMFF as MP4 is, with photos' brands); a video container the
    // sniffer does not know (a camera's own brand) is a video by its name, as ffmpeg reads it;
    // a file named as a photo that no sniffer knows is copied too (the index records it as
    // failed, and the summary names it): a camera's new RAW must not be left to a wiped card.
    const named = { photo: hasPhotoExtension(file), video: hasVideoExtension(file) };
    const empty = head.length === 0;
    if (isIgnoredFile(file)) others.push({ file, empty });
    else if (sniffImage(head)) media.push({ file, kind: 'photo' });
    else if (sniffVideo(head) || (named.video && !empty)) media.push({ file, kind: 'video' });
    else if (named.photo && !empty) media.push({ file, kind: 'photo' });
    else others.push({ file, empty });
  }
  // A photo's own sidecar (IMG_1.JPG.xmp) and its shot's (Lightroom's IMG_1.xmp) go with it.
  const shot = shotSidecars(media.map((m) => m.file), others.map((o) => o.file));
  const sidecars = new Set([...media.map((m) => `${m.file}.xmp`), ...shot.values()]);
  for (const { file, empty } of others) {
    if (sidecars.has(file)) continue;
    const reason = empty ? SKIPPED_EMPTY : SKIPPED_NOT_MEDIA;
    report.skipped.push({ path: file, reason });
  }
  return { media, shot, complete: true };
}

/**
 * Copies one file into its day's folder under `to`: its path there, `existed` when that folder
 * held it already (an import stopped before indexing it). A sidecar that could not go along is
 * said, the photo stays placed.
 */
async function copyInto(source: { file: string; kind: MediaKind; hash: string; shotSidecar: string | undefined }, to: string, cleaned: Set<string>, made: FoldersMade, takenAt: TakenAtReader, signal?: AbortSignal): Promise<{ path: string; existed: boolean; sidecarErrors: { path: string; error: string }[] }> {
  const { file, kind, hash } = source;
  const st = fs.statSync(file);
  const day = dayFolder(await takenAt(file, kind, st.mtimeMs, signal));
  const dir = path.join(to, day.slice(0, 4), day);
  made.make(dir);
  if (!cleaned.has(dir)) {
    cleaned.add(dir);
    removeCrashLeftovers(dir); // a copy a crash or a stop cut short, hidden (base/part-file.ts)
  }
  const names = freeNames(path.basename(file));
  const passOver = (target: string) => sidecarLeft(target) || otherShotSidecar(target, source.shotSidecar);
  for (const name of names()) {
    const there = path.join(dir, name);
    // A name with only a sidecar was passed over (nameFileFirstFree below): the copy may be further on.
    if (!fs.existsSync(there)) {
      if (passOver(there)) continue;
      break;
    }
    if (fs.statSync(there).size === st.size && (await sha256File(there)) === hash) return { path: there, existed: true, sidecarErrors: [] };
  }
  // The copy is checked before it has a name a photo could be mistaken for.
  const part = partFilePath(dir, path.basename(file));
  try {
    // Streamed: a stop ends it, and the engine answers meanwhile (a video may be gigabytes).
    await pipeline(fs.createReadStream(file, { signal }), fs.createWriteStream(part, { flags: 'wx' }));
    const fd = await fs.promises.open(part, 'r+');
    try {
      // The card's times before the flush: after a power cut the copy keeps them too (a photo
      // without a date taken is dated by its file's time).
      await fd.utimes(st.atime, st.mtime);
      await fd.sync();
    } finally {
      await fd.close();
    }
    if ((await sha256File(part, signal)) !== hash) throw new Error('the copy differs from the file it was copied from (check the card, then import again)');
    // The first free name with no sidecar left there (sidecarLeft), nor another shot's sidecar
    // where this one's goes (otherShotSidecar); never over a file.
    const target = nameFileFirstFree(part, dir, names(), passOver);
    return { path: target, existed: false, sidecarErrors: sidecarsAlong(file, source.shotSidecar, target) };
  } finally {
    fs.rmSync(part, { force: true });
  }
}

/** The photo's XMP sidecars copied beside its copy (its own, and its shot's); the ones that could not go, with why. */
function sidecarsAlong(file: string, shotSidecar: string | undefined, target: string): { path: string; error: string }[] {
  const failed: { path: string; error: string }[] = [];
  const sidecar = `${file}.xmp`;
  try {
    if (isRegularFile(sidecar)) {
      // Never over a sidecar there (nameFileFirstFree gave a name without one).
      fs.copyFileSync(sidecar, `${target}.xmp`, fs.constants.COPYFILE_EXCL);
      const side = fs.statSync(sidecar);
      fs.utimesSync(`${target}.xmp`, side.atime, side.mtime);
    }
  } catch (error) {
    failed.push({ path: sidecar, error: `sidecar not copied: ${oneLine(error)}` });
  }
  try {
    if (shotSidecar) copyShotSidecar(shotSidecar, target);
  } catch (error) {
    failed.push({ path: shotSidecar!, error: `sidecar not copied: ${oneLine(error)}` });
  }
  return failed;
}

/** `name`, then `stem (2).ext`, `stem (3).ext`, … */
function freeNames(name: string): () => Generator<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  return function* () {
    for (let n = 1; ; n++) yield n === 1 ? name : `${stem} (${n})${ext}`;
  };
}

/**
 * Whether a photo deleted from `target`'s name left a sidecar there, which the caption import
 * would read as the new photo's: its own (`IMG_1.JPG.xmp`), or one named for the shot
 * (`IMG_1.xmp`, Lightroom's) when no other file of that shot is there (a RAW beside it: then
 * the sidecar is that shot's, and a JPEG of it belongs beside it).
 */
function sidecarLeft(target: string): boolean {
  if (fs.existsSync(`${target}.xmp`)) return true;
  const shot = path.parse(target).name;
  const names = fs.readdirSync(path.dirname(target));
  const shotSidecar = names.some((n) => n === `${shot}.xmp` || n === `${shot}.XMP`);
  return shotSidecar && !names.some((n) => path.parse(n).name === shot && !/\.xmp$/i.test(n));
}

/**
 * Whether the copy of a file with a shot sidecar on the card (`shotSidecar`) would get, at
 * `target`, a shot sidecar there of other bytes: another shot's (a photo of the same name
 * imported before), which Shoebox would read as this one's while the card's is left out. The
 * same bytes are this shot's, copied with another file of it (its RAW): it belongs beside it.
 */
function otherShotSidecar(target: string, shotSidecar: string | undefined): boolean {
  if (!shotSidecar) return false;
  const shot = path.parse(target).name;
  const there = fs.readdirSync(path.dirname(target)).filter((n) => n === `${shot}.xmp` || n === `${shot}.XMP`);
  return there.some((n) => !sameBytes(path.join(path.dirname(target), n), shotSidecar));
}

/** A file's day as a clock where it was taken showed it: epoch ms read as UTC. */
type TakenAtReader = (file: string, kind: MediaKind, mtimeMs: number, signal?: AbortSignal) => Promise<number>;

/**
 * When a photo was taken as its camera showed it (EXIF), a video when it was recorded as the
 * indexer reads it (VideoProbe.takenAt: the timeline shows it on the same day), else the
 * file's time in this machine's zone: a phone's folder copied to a computer has the copy's
 * date, a card keeps the camera's. ffmpeg is looked for once, on the first video.
 */
function takenAtReader(ffmpeg: FfmpegLocation | null | undefined): TakenAtReader {
  let located: { at: FfmpegLocation | null } | undefined = ffmpeg === undefined ? undefined : { at: ffmpeg };
  const local = (ms: number) => ms - new Date(ms).getTimezoneOffset() * 60_000;
  // Looked for once: a lookup that fails is not tried again for each video.
  const tryLocate = (): FfmpegLocation | null => {
    try {
      return locateFfmpeg();
    } catch {
      return null;
    }
  };
  return async (file, kind, mtimeMs, signal) => {
    try {
      if (kind === 'photo') {
        const taken = (await readPhotoMetadata(await readHead(file, 256 * 1024))).takenAt;
        if (taken !== null) return taken;
      } else {
        located ??= { at: tryLocate() };
        const recorded = located.at ? (await probeVideo(located.at.path, file, signal)).takenAt : null;
        if (recorded !== null) return recorded;
      }
    } catch {
      // No date to read (or a video ffmpeg cannot open): the file's time; copying says what is wrong.
    }
    return local(mtimeMs);
  };
}

/** The first `bytes` of a file (256 KB: where a photo's EXIF is, its header); the whole file when smaller. */
async function readHead(file: string, bytes: number): Promise<Buffer> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await fd.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await fd.close();
  }
}

function dayFolder(takenAtMs: number): string {
  return new Date(takenAtMs).toISOString().slice(0, 10);
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
