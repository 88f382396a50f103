// What a duplicate scan reports: plain JSON data, the same through the CLI (`--json`) and the API.
import type { DuplicateKind, KeepReason } from '../../shared/api';

/** exact: same bytes; near: the same picture edited (resized, re-encoded, brightened, cropped);
 *  similar: CLIP embeddings above a cosine threshold (bursts, near-identical shots). The
 *  contract's type (src/shared), one per concept. */
export type { DuplicateKind };
export { DEFAULT_DUPLICATE_KINDS, DUPLICATE_KINDS } from '../../shared/duplicate-picture';

export interface DuplicateMember {
  path: string;
  width: number;
  height: number;
  /** File size. */
  bytes: number;
  /** Clockwise degrees the user turned it by (Rotate), width and height then as it shows; absent when upright. */
  rotation?: 90 | 180 | 270;
  /** The group's other members that are the same file on disk (hard links, same-file.ts):
   *  whichever is kept, these stay. Set where a report is shown, from the disk as it is then. */
  sameFileAs?: string[];
}

export interface DuplicateGroup {
  kind: DuplicateKind;
  /** The member to keep (best by resolution, file size, sharpness, EXIF completeness). */
  keep: string;
  /** Every member, the keeper first, then in keep-best order. */
  members: DuplicateMember[];
  /** Why the keeper is ahead of the others (keep-best's keepReasons, at the scan); absent when
   *  none is told. 'resolution-without-camera' holds the picture back from the trash (held-back.ts). */
  why?: KeepReason[];
}

export interface DuplicateScanProgress {
  phase: 'signatures' | 'near' | 'similar';
  done: number;
  total: number;
}

export interface DuplicateScanStats {
  photos: number;
  /** Distinct contents (hashes) among them. */
  contents: number;
  /** Signatures computed during this scan (photos indexed before signatures existed). */
  signaturesComputed: number;
  /** Whether those were saved in the library (false when the scan had no writer). */
  signaturesSaved: boolean;
  /** Contents without a signature (no thumbnail and the original unreadable): left out of near. */
  unsigned: number;
  seconds: number;
}

export interface DuplicateScan {
  groups: DuplicateGroup[];
  stats: DuplicateScanStats;
}
