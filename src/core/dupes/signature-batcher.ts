// Signatures made while indexing, from the thumbnail's pixels the indexer already has in
// memory (before JPEG encoding: no decode; ~2.5 ms to hash, on a worker thread), saved in batches: one LanceDB commit per 256 photos,
// not one per photo. A signature that fails (a thumbnail sharp cannot read back) is skipped:
// the duplicate scan computes missing ones. Saving needs no ordering with the photo rows: a
// signature without its row is harmless, a row without a signature is filled in later.
import type { SignatureRecord, SignatureRepository } from '../store/types';
import { perceptualSignature, type PerceptualSignature } from './signature';

type Thumbnail = { data: Uint8Array; width: number; height: number };
/** Where signatures are computed: here by default, on a worker while indexing (signature-thread.ts). */
export type SignatureComputer = (thumbnail: Thumbnail) => Promise<PerceptualSignature>;
const inThisThread: SignatureComputer = async (t) => perceptualSignature(t.data, t.width, t.height);

const BATCH = 256;

export class SignatureBatcher {
  private pending: SignatureRecord[] = [];
  private saving: Promise<void> = Promise.resolve();
  /** The first failed save, reported by the next flush (a save runs unawaited meanwhile). */
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly store: Pick<SignatureRepository, 'putSignatures'>,
    private readonly compute: SignatureComputer = inThisThread,
  ) {}

  private readonly computing = new Set<Promise<void>>();

  /**
   * Computes the signature of `hash`'s content from its thumbnail's packed RGB pixels and
   * queues it, in the background: the indexer does not wait for it (flush does). Never throws.
   */
  add(hash: string, thumbnail: Thumbnail): void {
    const job = Promise.resolve().then(() => this.compute(thumbnail)).then(
      (sig) => {
        this.pending.push({ hash, version: sig.version, signature: sig.bytes, sharpness: sig.sharpness });
        if (this.pending.length >= BATCH) this.save();
      },
      () => {}, // a raster the signature refuses: made later by the duplicate scan
    );
    this.computing.add(job);
    void job.finally(() => this.computing.delete(job));
  }

  /** Waits for the signatures being computed, saves what is queued, and waits for every save. */
  async flush(): Promise<void> {
    while (this.computing.size) await Promise.all(this.computing);
    this.save();
    await this.saving;
    const failure = this.failure;
    this.failure = null;
    if (failure) throw failure.error;
  }

  private save(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.saving = this.saving
      .then(() => this.store.putSignatures(batch))
      .catch((error: unknown) => {
        this.failure ??= { error };
      });
  }
}
