// A keeper gone from disk since the review was shown: its group keeps its next best copy. The
// app's trash lists that copy under "Left alone" with keptInsteadOf (src/core/api/dupes-trash.ts);
// `shoebox dupes` says the same case in one line (keptPhotoGone). One wording, both front ends.

/** Why a copy listed to go stays: it is kept in place of `gone`. */
export const keptInsteadOf = (gone: string): string => `kept instead of ${gone}, which is gone`;

/** The same case as a line of its own: which keeper is gone, and which copy is kept now. */
export const keptPhotoGone = (gone: string, kept: string): string => `the kept photo ${gone} is gone: ${kept} is kept instead`;
