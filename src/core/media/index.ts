// The media layer: what a photo file is, how sharp can decode it, its EXIF facts (and the
// caption and keywords another app wrote), a JPEG copy's EXIF orientation written without
// re-encoding (and its sidecar's), and where its thumbnail lives; what a video file is, how
// ffmpeg reads its frames and which is its poster. A leaf of core: imports node, sharp, exifr,
// heic-decode, @xmldom/xmldom (XMP sidecars) and (to find its binary) @ffmpeg-installer/ffmpeg only.
export { MediaError, type MediaErrorCode } from './errors';
export { sniffFormat, sniffImage, type ImageFormat, type RawFlavour, type SniffResult } from './sniff';
export { toSharpInput, toSharpInputWithHeader, readSharpInput, toSharp, MAX_PIXELS, MAX_SIDE, tooLargeReason, type SharpInput } from './decode-input';
export { decodeHeic, type RawImage } from './heic';
export { extractRawPreview, uprightPreview, type RawPreview } from './raw-preview';
export { readPhotoMetadata, type PhotoMetadata } from './exif';
export { turnedJpeg, turnOrientation } from './jpeg-orientation';
export { withXmpOrientation } from './xmp-orientation';
export { jpegOrientation } from './jpeg';
export { captionFromTags, readCaption, readTextTags, sidecarCaption, type TextTags } from './caption';
export { keywordsFromTags, readKeywords, sidecarKeywords } from './keywords';
export { folderThumbnails, libraryThumbnails, thumbnailKey, THUMBS_PREFIX, type ThumbnailReader, type ThumbnailStore } from './thumbnail';
export { sniffVideo, hasVideoExtension, type VideoFormat, type VideoSniff } from './video-sniff';
export { locateFfmpeg, ffmpegProblem, missingFfmpegLine, FFMPEG_ENV, type FfmpegLocation } from './video-ffmpeg';
export { probeVideo, readVideoFrames, reasonFrom, VideoReadError, FfmpegStoppedError, FfmpegUnusableError, FFMPEG_STOPPED, DEFAULT_SAMPLING, type FrameSampling, type VideoFrame, type VideoProbe } from './video-frames';
export { POSTER_AT_S, nextPoster, posterSettled, readPosterFrame } from './video-poster';
