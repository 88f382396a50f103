// What the viewer and the slideshow say of a photo whose own file the page could not load
// (moved or deleted since it was indexed: serve answers 404) while its thumbnail, kept by the
// library, stands in: the blurry picture, with its size and path in the details, read as the
// photo itself. Worded as the viewer says it of such a video (VideoPlayer.tsx).

export const PHOTO_FILE_GONE_TEXT = 'The photo file cannot be read: it was moved or deleted since it was indexed. This is its thumbnail.';
