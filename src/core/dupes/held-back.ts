// Which pictures of a duplicates report the trash holds back unless the user includes them.
// Similar shots are other photos, not copies (a burst, the same view a second later): a
// picture with any is held, all its groups with it (the review decides about a picture as a
// whole), so that one confirmation can never trash a library of look-alikes. A picture whose
// keeper has more pixels than a copy carrying the camera's EXIF it lacks (keep-best's
// 'resolution-without-camera', camera-caution.ts) is held too: the keeper may be an enlarged
// or re-saved copy, and trashing the camera's file could not be undone by the review. Other
// copies and edited versions are not held: their extra files are the point of the review.
// Decided once here for every front end: the app's review starts such a picture skipped,
// `shoebox dupes --trash` leaves it out unless given --include-similar / --include-unsure.
import type { DuplicateHeldReason, KeepReason } from '../../shared/api';
import type { DuplicateKind } from './types';

/** A group as marked for the front ends: `held` when its picture is held back. */
export interface HeldMark {
  held?: true;
}

/** Why a picture is held back: similar shots, or a keeper that may be an enlarged copy. */
export type HeldReason = DuplicateHeldReason;

type Judged = { kind: DuplicateKind; why?: readonly KeepReason[] };

/** Each reason a picture (the groups sharing its photos) is held back for; none: not held. */
export function heldReasons(picture: readonly Judged[]): HeldReason[] {
  const out: HeldReason[] = [];
  if (picture.some((g) => g.kind === 'similar')) out.push('similar');
  if (picture.some((g) => g.why?.includes('resolution-without-camera'))) out.push('unsure-keeper');
  return out;
}

/** Whether a picture is held back from the trash. */
export function heldBack(picture: readonly Judged[]): boolean {
  return heldReasons(picture).length > 0;
}

/** The reasons a picture is still held back for once the user included some: `true` all of
 *  them (nothing held), or the reasons listed (`shoebox dupes --include-similar`). */
export function heldReasonsLeft(picture: readonly Judged[], included: boolean | readonly HeldReason[]): HeldReason[] {
  return included === true ? [] : heldReasons(picture).filter((r) => !(included || []).includes(r));
}
