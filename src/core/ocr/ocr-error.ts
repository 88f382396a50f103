/**
 * Why the OCR failed, which decides what the reading pass does with the photo:
 * - `unreadable`: the image itself cannot be decoded (corrupt, not an image): saved with
 *   its reason and not tried again;
 * - `missing`: the file is gone (the scan removes it): skipped;
 * - `transient`: the file could not be read now (EACCES, EIO, ESTALE, a NAS dropping out) or
 *   the worker stopped on it: skipped, tried again by the next pass;
 * - `engine`: the OCR cannot run at all (models missing, worker closed): the pass stops.
 */
export type OcrErrorKind = 'unreadable' | 'missing' | 'transient' | 'engine';

/** An image the OCR cannot read, or a model it cannot load, with a one-line reason. */
export class OcrError extends Error {
  override name = 'OcrError';

  constructor(
    message: string,
    readonly kind: OcrErrorKind = 'unreadable',
  ) {
    super(message.split('\n').map((s) => s.trim()).find(Boolean) ?? 'OCR failed');
  }
}
