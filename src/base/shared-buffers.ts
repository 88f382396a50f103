// Reusable buffers in shared memory, handed out and given back.
//
// Why reused: a run that reads a new multi-megabyte buffer per item (photo bytes, raw
// pixels) churns memory outside V8's heap; that churn made V8 run a full collection every
// few photos, and every fresh buffer costs its page faults again.
// Why shared (SharedArrayBuffer): a worker thread can read the same bytes without a copy
// (hashing a photo, a signature from its thumbnail's pixels). Posting a plain buffer copies
// it twice (serialised, then deserialised); transferring one needs a fresh buffer each time.

export class SharedBuffers {
  private readonly free: Buffer[] = [];
  private readonly own = new WeakSet<ArrayBufferLike>();

  /**
   * @param keep buffers held for reuse (what is in use at once, and one more)
   * @param largest buffers larger than this are not kept (a rare huge item's memory is let go)
   */
  constructor(
    private readonly keep: number,
    private readonly largest = 64 * 1024 * 1024,
  ) {}

  /** A buffer of at least `size` bytes over shared memory, whose contents are garbage. */
  take(size: number): Buffer {
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const b = this.free[i]!;
      if (b.length >= size && (best < 0 || b.length < this.free[best]!.length)) best = i;
    }
    if (best >= 0) return this.free.splice(best, 1)[0]!;
    // Rounded up to whole MiB (or 64 KiB for small ones) so that the next items, of about
    // the same size, fit in it.
    const unit = size > 2 ** 20 ? 2 ** 20 : 2 ** 16;
    const memory = new SharedArrayBuffer(Math.max(unit, Math.ceil(size / unit) * unit));
    this.own.add(memory);
    return Buffer.from(memory);
  }

  /** Gives back a buffer from take() (or a view of one); anything else is left to the GC. */
  give(view: Uint8Array): void {
    if (!this.own.has(view.buffer) || view.buffer.byteLength > this.largest) return;
    if (this.free.some((b) => b.buffer === view.buffer)) return; // given back twice
    if (this.free.length >= this.keep) this.free.sort((a, b) => a.length - b.length).shift();
    this.free.push(Buffer.from(view.buffer));
  }
}

/** Whether a worker can read these bytes without a copy. */
export function isShared(view: Uint8Array): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && view.buffer instanceof SharedArrayBuffer;
}
