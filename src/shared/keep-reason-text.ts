// Why a duplicate group's keeper is suggested, in words: the app's review ("Suggested: …")
// and `shoebox dupes` (a reason per group, and in --json each group's `why`) say the same.
import type { KeepReason } from './api';

/** Each of keep-best's criteria (src/core/dupes/keep-best.ts), as the reason a keeper is ahead. */
export const KEEP_REASON_TEXT: Readonly<Record<KeepReason, string>> = {
  resolution: 'more pixels',
  'resolution-without-camera': "more pixels, but CHECK IT: a smaller copy has the camera's EXIF (date taken, camera) this one lacks, so this one may be an enlarged or re-saved copy of it",
  'not-upscaled': 'the original: the others are enlarged copies, with no more detail',
  size: 'a larger file',
  sharpness: 'sharper',
  exif: 'more complete EXIF as the camera wrote it (date, camera, GPS)',
  'real-file': 'the real file, not a link or a file from outside the library',
  name: 'not named like a copy',
  older: 'the older file',
  path: 'identical copies: first by path',
};
