// Signatures for contents that have none yet: photos indexed before signatures existed (or
// whose signature layout is outdated). Made from the stored thumbnail (a 384-px JPEG, ~3 ms
// to decode), or from the original when the thumbnail is missing, a few at a time so
// sharp's decoding threads stay busy; saved in batches when the scan holds the writer.
import fs from 'node:fs/promises';
import type { PhotoSummary, SignatureRecord } from '../store/types';
import { sniffFormat, thumbnailKey, toSharp, toSharpInput, type ThumbnailReader } from '../media';
import { signatureFromImage, signatureFromJpeg, type PerceptualSignature } from './signature';

export interface BackfillOptions {
  thumbs: ThumbnailReader;
  save?: (records: SignatureRecord[]) => Promise<void>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  concurrency?: number;
  batchSize?: number;
}

/** One photo of the content: its thumbnail first, the original file if that fails. */
export async function signatureOfPhoto(photo: Pick<PhotoSummary, 'path' | 'hash' | 'thumbKey'>, thumbs: ThumbnailReader): Promise<PerceptualSignature> {
  try {
    const jpeg = await thumbs.read(photo.thumbKey || thumbnailKey(photo.hash));
    if (!jpeg) throw new Error('no thumbnail');
    return await signatureFromJpeg(jpeg);
  } catch {
    const bytes = await fs.readFile(photo.path);
    const input = await toSharpInput(bytes, sniffFormat(bytes));
    return signatureFromImage(toSharp(input, { autoOrient: true }));
  }
}

/**
 * Computes the signatures of `missing` (one photo per content). Returns those it could make;
 * a content whose thumbnail and original are both unreadable is left out.
 */
export async function backfillSignatures(missing: readonly Pick<PhotoSummary, 'path' | 'hash' | 'thumbKey'>[], options: BackfillOptions): Promise<SignatureRecord[]> {
  const made: SignatureRecord[] = [];
  let unsaved: SignatureRecord[] = [];
  let next = 0;
  let done = 0;
  const batchSize = options.batchSize ?? 512;
  // Saves run one after another (one LanceDB commit each), never two at once.
  let saving: Promise<void> = Promise.resolve();
  const flush = () => {
    const save = options.save;
    if (!save || unsaved.length === 0) return saving;
    const batch = unsaved;
    unsaved = [];
    saving = saving.then(() => save(batch));
    return saving;
  };
  const worker = async () => {
    while (next < missing.length) {
      options.signal?.throwIfAborted();
      const photo = missing[next++]!;
      try {
        const sig = await signatureOfPhoto(photo, options.thumbs);
        const record = { hash: photo.hash, version: sig.version, signature: sig.bytes, sharpness: sig.sharpness };
        made.push(record);
        unsaved.push(record);
      } catch {
        // Neither thumbnail nor original readable (the file is gone or broken): no signature.
      }
      options.onProgress?.(++done, missing.length);
      if (unsaved.length >= batchSize) await flush();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  await flush();
  return made;
}
