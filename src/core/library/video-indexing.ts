// What indexing a video adds to indexing a photo (indexer.ts calls it for files sniffed as
// video): the sampled frames (src/core/media/video-frames.ts) each go through the photo
// preprocessing and are embedded by the same model in batches, then stored with their times
// (video frames table). What comes back is the video's poster frame, preprocessed with its
// thumbnail like a photo, which the indexer embeds and commits as the video's row, with the
// duration. The row is written only after the frames: a video whose row exists has its frames.
import type { ClipModel } from '../clip/clip-model';
import { preprocessImage, type PreprocessedImage } from '../clip/preprocess';
import { locateFfmpeg, nextPoster, probeVideo, readVideoFrames, type FfmpegLocation, type FrameSampling, type VideoFrame } from '../media';
import type { VideoFrameRecord, VideoFrameRepository } from '../store/types';
import { throwIfStopped } from './abortable';
import { preprocessPoster, videoSampling } from './video-poster';

export interface VideoIndexDeps {
  model: Pick<ClipModel, 'embedPixels' | 'folder'>;
  store: Pick<VideoFrameRepository, 'putVideoFrames'>;
  thumbnailSize: number;
  /** Which ffmpeg; default: located once per run (video-ffmpeg.ts). */
  ffmpeg?: FfmpegLocation | null;
  sampling?: Partial<FrameSampling>;
}

export interface IndexedVideo {
  /** The poster frame as the indexer embeds a photo: model input, thumbnail and its pixels. */
  poster: PreprocessedImage;
  durationMs: number;
  /** The picture's size as shown, from the container (the frames read are reduced). */
  size: { width: number; height: number } | null;
  /** When it was recorded, as a photo's takenAt / takenOffset (media/video-frames.ts VideoProbe). */
  takenAt: number | null;
  takenOffset: number | null;
  frames: number;
}

/** Frames embedded per inference call, as photos are batched. */
const BATCH = 8;

/** Per run: ffmpeg is looked for once, and a missing one is reported once. */
export class VideoIndexer {
  private located: { at: FfmpegLocation | null } | undefined;
  /** Videos skipped because there is no ffmpeg. */
  skipped = 0;

  constructor(private readonly deps: VideoIndexDeps) {
    if (deps.ffmpeg !== undefined) this.located = { at: deps.ffmpeg };
  }

  ffmpeg(): FfmpegLocation | null {
    this.located ??= { at: locateFfmpeg() };
    return this.located.at;
  }

  /** Reads, embeds and stores one video's frames; the poster comes back for its row. */
  async index(file: string, hash: string, signal?: AbortSignal): Promise<IndexedVideo> {
    const ffmpeg = this.ffmpeg();
    if (!ffmpeg) throw new Error('ffmpeg not available');
    const pre = this.deps.model.folder.preprocessing;
    const sampling: FrameSampling = videoSampling(pre, this.deps.sampling);
    const probe = await probeVideo(ffmpeg.path, file, signal);
    const records: VideoFrameRecord[] = [];
    let batch: { timeMs: number; pixels: Float32Array }[] = [];
    let poster: VideoFrame | null = null;
    let last = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const size = batch[0]!.pixels.length;
      const pixels = new Float32Array(size * batch.length);
      batch.forEach((f, i) => pixels.set(f.pixels, i * size));
      const vectors = await this.deps.model.embedPixels(pixels, batch.length);
      batch.forEach((f, i) => records.push({ timeMs: f.timeMs, vector: vectors[i]! }));
      batch = [];
    };
    for await (const frame of readVideoFrames(ffmpeg.path, file, sampling, probe.durationS, signal)) {
      // The same pipeline as a photo's raster from here: resize, crop, normalise.
      const image = await preprocessImage({ data: frame.raster.data, info: { width: frame.raster.width, height: frame.raster.height, channels: 3 } }, pre);
      batch.push({ timeMs: Math.round(frame.timeS * 1000), pixels: image.pixels });
      poster = nextPoster(poster, frame); // the first at or after 1 s (media/video-poster.ts)
      last = frame.timeS;
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    throwIfStopped(signal); // a read a stop cut short stores nothing
    await this.deps.store.putVideoFrames(hash, records);
    // Made as a missing thumbnail is made again (video-poster.ts), so the two agree.
    const image = await preprocessPoster(poster!, pre, this.deps.thumbnailSize);
    const durationS = probe.durationS ?? last;
    return { poster: image, durationMs: Math.round(durationS * 1000), takenAt: probe.takenAt, takenOffset: probe.takenOffset, size: probe.size, frames: records.length };
  }
}
