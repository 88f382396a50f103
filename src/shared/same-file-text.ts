// A duplicate that is the same file on disk as the photo its group keeps (a hard link): the
// trash leaves it (src/core/dupes/same-file.ts). The trash plan's reason, `shoebox dupes` and
// the app's review say it in these words.

/** Why the trash leaves such a member. */
export const SAME_FILE_AS_KEPT = 'same file as the kept one (a hard link): stays';
