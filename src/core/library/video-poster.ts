// How a video's poster becomes its thumbnail, for the indexer (video-indexing.ts) and for the
// thumbnail made again when the library's copy is missing (api/video-thumbnails.ts: a second
// device of a shared library, a cleared thumbs folder). One code path, so that a poster made
// again is the indexed one: the same frame (media/video-poster.ts), read at the same size, cut
// by the same preprocessing and encoded by the same JPEG settings.
import { preprocessImage, type PreprocessedImage } from '../clip/preprocess';
import type { ImagePreprocessing } from '../clip/model-folder';
import { DEFAULT_SAMPLING, readPosterFrame, type FrameSampling, type VideoFrame } from '../media';

/** Frames are read at up to this many times the model's input on their short side (README: Videos). */
const FRAME_SCALE = 3;

/** How the indexer samples a video for a model of this input. */
export function videoSampling(pre: Pick<ImagePreprocessing, 'size'>, overrides: Partial<FrameSampling> = {}): FrameSampling {
  return { ...DEFAULT_SAMPLING, shortSide: pre.size * FRAME_SCALE, ...overrides };
}

/** The poster as a photo is preprocessed while indexing: model input, thumbnail and its pixels. */
export function preprocessPoster(frame: VideoFrame, pre: ImagePreprocessing, thumbnailSize: number): Promise<PreprocessedImage> {
  const { data, width, height } = frame.raster;
  return preprocessImage({ data, info: { width, height, channels: 3 } }, pre, { thumbnailSize });
}

/**
 * The input a poster made again assumes. Which model indexed the video is not known where a
 * thumbnail is asked for; its input size only sets how far the frame is reduced before the
 * thumbnail is cut from it (the thumbnail's own size is fixed). 224 px is the input of the
 * usual CLIP models (ViT-B/32, B/16, L/14): for them the thumbnail comes out as indexed, byte
 * for byte; for another size it differs by a resampling step (a fraction of a level), and
 * every video no larger than three times its input on its short side comes out the same.
 */
const REBUILD_PREPROCESSING: ImagePreprocessing = { size: 224, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], resizeMode: 'shortest', cropRounding: 'half-even' };

/** The poster's thumbnail (JPEG) made again from the video, as the indexer made it. */
export async function posterThumbnail(ffmpeg: string, file: string, thumbnailSize: number, signal?: AbortSignal): Promise<Buffer> {
  const frame = await readPosterFrame(ffmpeg, file, videoSampling(REBUILD_PREPROCESSING), signal);
  const poster = await preprocessPoster(frame, REBUILD_PREPROCESSING, thumbnailSize);
  return poster.thumbnail!;
}
