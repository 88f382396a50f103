// Why an import left a file on the card (PhotoImportResult.skipped[].reason), worded once for
// the core that lists them and the summary that counts them by kind (photo-import-text.ts):
// an empty file, a link and a name that is not UTF-8 are not "not photos or videos".

export const SKIPPED_NOT_MEDIA = 'not a photo or video';
export const SKIPPED_EMPTY = 'empty file (0 bytes)';
/** Links are not followed: a card has none of its own, and one could import a file twice or from elsewhere. */
export const SKIPPED_LINK = 'a link: not followed (import the file or folder it points to)';
export const SKIPPED_NOT_A_FILE = 'not a regular file';
/** As the indexer says it of such a file (core/library/scan.ts NAME_NOT_UTF8): the same words for the same trouble. */
export const SKIPPED_NAME_NOT_UTF8 = 'file name is not valid UTF-8: cannot be indexed (rename it)';
