// The media layer: what a photo file is, how sharp can decode it, its EXIF facts, and where
// its thumbnail lives. A leaf of core: imports node, sharp, exifr and heic-decode only.
export { MediaError, type MediaErrorCode } from './errors';
export { sniffFormat, sniffImage, type ImageFormat, type RawFlavour, type SniffResult } from './sniff';
export { toSharpInput, readSharpInput, toSharp, MAX_PIXELS, MAX_SIDE, type SharpInput } from './decode-input';
export { decodeHeic, type RawImage } from './heic';
export { extractRawPreview, uprightPreview, type RawPreview } from './raw-preview';
export { readPhotoMetadata, type PhotoMetadata } from './exif';
export { thumbnailKey, thumbnailPath, writeThumbnail } from './thumbnail';
