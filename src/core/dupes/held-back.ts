// Which pictures of a duplicates report the trash holds back unless the user includes them.
// Similar shots are other photos, not copies (a burst, the same view a second later): a
// picture with any is held, all its groups with it (the review decides about a picture as a
// whole), so that one confirmation can never trash a library of look-alikes. Copies and
// edited versions are not held: their extra files are the point of the review.
// Decided once here for every front end: the app's review starts such a picture skipped,
// `shoebox dupes --trash` leaves it out unless given --include-similar.
import type { DuplicateKind } from './types';

/** A group as marked for the front ends: `held` when its picture is held back. */
export interface HeldMark {
  held?: true;
}

/** Whether a picture (the groups sharing its photos) is held back from the trash. */
export function heldBack(picture: readonly { kind: DuplicateKind }[]): boolean {
  return picture.some((g) => g.kind === 'similar');
}
