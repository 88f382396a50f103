// What indexing a video adds to indexing a photo (indexer.ts calls it for files sniffed as
// video): the sampled frames (src/core/media/video-frames.ts) each go through the photo
// preprocessing and are embedded by the same model in batches, then stored with their times
// (video frames table). What comes back is the video's poster frame, preprocessed with its
// thumbnail like a photo, which the indexer embeds and commits as the video's row, with the
// duration. The row is written only after the frames: a video whose row exists has its frames.
//
// A video whose frames are stored but whose row is not (a run killed after the frames' commit,
// before the row's) has them all: they are written in one commit (video-frames-repository.ts:
// a delete, then one add of every frame), so a content's frames are its whole set or none.
// Such a video is not read and embedded again: only its poster is read (the first seconds,
// as a missing thumbnail is made again), for its row.
//
// ffmpeg is looked for and tried (`-version`) once per run; none, or one that cannot be used,
// skips the run's videos with one line (video-ffmpeg.ts), never fails them.
import type { ClipModel } from '../clip/clip-model';
import { preprocessImage, type PreprocessedImage } from '../clip/preprocess';
import { ffmpegProblem, FfmpegUnusableError, locateFfmpeg, missingFfmpegLine, nextPoster, probeVideo, readPosterFrame, readVideoFrames, type FfmpegLocation, type FrameSampling, type VideoFrame, type VideoProbe } from '../media';
import type { VideoFrameRecord, VideoFrameRepository } from '../store/types';
import { throwIfStopped } from './abortable';
import { preprocessPoster, videoSampling } from './video-poster';

export interface VideoIndexDeps {
  model: Pick<ClipModel, 'embedPixels' | 'folder'>;
  /** `videosWithFrames`: where given, a video whose frames are stored already is not read again. */
  store: Pick<VideoFrameRepository, 'putVideoFrames'> & Partial<Pick<VideoFrameRepository, 'videosWithFrames'>>;
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
  /** Where it was recorded, from the container (a phone's ISO 6709 tag), as a photo's EXIF GPS. */
  gps: { lat: number; lon: number } | null;
  /** Frames read and stored; 0 when the stored ones were kept (`reusedFrames`). */
  frames: number;
  /** Its frames were stored already (a run stopped before its row): only the poster was read. */
  reusedFrames: boolean;
}

/** Frames embedded per inference call, as photos are batched. */
const BATCH = 8;

/** Per run: ffmpeg is looked for and tried once, and a missing or unusable one is reported once. */
export class VideoIndexer {
  private located: Promise<FfmpegLocation | null> | undefined;
  /** Why the ffmpeg found cannot be used (null: none found, or it works). */
  private problem: string | null = null;
  /** Videos skipped because there is no usable ffmpeg. */
  skipped = 0;

  constructor(private readonly deps: VideoIndexDeps) {}

  /** The ffmpeg this run reads videos with, or null when there is none it can use. */
  ffmpeg(): Promise<FfmpegLocation | null> {
    this.located ??= this.locate();
    return this.located;
  }

  private async locate(): Promise<FfmpegLocation | null> {
    let at: FfmpegLocation | null;
    try {
      at = this.deps.ffmpeg !== undefined ? this.deps.ffmpeg : locateFfmpeg();
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error); // SHOEBOX_FFMPEG names no binary
      return null;
    }
    if (!at) return null;
    this.problem = await ffmpegProblem(at.path);
    return this.problem ? null : at;
  }

  /** A video left for a run with a usable ffmpeg; `error`: the one this run had stopped working. */
  skip(error?: FfmpegUnusableError): void {
    this.skipped++;
    if (!error) return;
    this.problem ??= error.message;
    this.located = Promise.resolve(null);
  }

  /** The run's one line about the videos it skipped, or null when it skipped none. */
  skippedLine(): string | null {
    return this.skipped > 0 ? missingFfmpegLine(this.skipped, this.problem ?? undefined) : null;
  }

  /**
   * Reads, embeds and stores one video's frames (or keeps those stored already for `hash`);
   * the poster comes back for its row. Throws FfmpegUnusableError without a usable ffmpeg.
   */
  async index(file: string, hash: string, signal?: AbortSignal): Promise<IndexedVideo> {
    const ffmpeg = await this.ffmpeg();
    if (!ffmpeg) throw new FfmpegUnusableError(this.problem ?? 'ffmpeg not found');
    const pre = this.deps.model.folder.preprocessing;
    const sampling: FrameSampling = videoSampling(pre, this.deps.sampling);
    const probe = await probeVideo(ffmpeg.path, file, signal);
    if (probe.durationS !== null && (await this.framesStored(hash))) {
      return this.withStoredFrames(ffmpeg.path, file, probe as VideoProbe & { durationS: number }, sampling, signal);
    }
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
    return { poster: image, durationMs: Math.round(durationS * 1000), takenAt: probe.takenAt, takenOffset: probe.takenOffset, size: probe.size, gps: probe.gps, frames: records.length, reusedFrames: false };
  }

  /** Whether the frames of `hash` are stored for this model already (a failed look: no). */
  private async framesStored(hash: string): Promise<boolean> {
    if (!this.deps.store.videosWithFrames) return false;
    return (await this.deps.store.videosWithFrames([hash]).catch(() => new Set<string>())).has(hash);
  }

  /**
   * A video whose frames are stored: its poster read as the full read picks it (the frames
   * before it decide ffmpeg's selection: media/video-poster.ts), ffmpeg stopped there. Only
   * with the container's duration (else the full read's last frame time gives it).
   */
  private async withStoredFrames(ffmpeg: string, file: string, probe: VideoProbe & { durationS: number }, sampling: FrameSampling, signal?: AbortSignal): Promise<IndexedVideo> {
    // A stop cuts the read short (no frame then): the stop is what is said, not a bad video.
    const poster = await readPosterFrame(ffmpeg, file, sampling, signal, probe.durationS).catch((error: unknown) => {
      throwIfStopped(signal);
      throw error;
    });
    throwIfStopped(signal);
    const image = await preprocessPoster(poster, this.deps.model.folder.preprocessing, this.deps.thumbnailSize);
    return { poster: image, durationMs: Math.round(probe.durationS * 1000), takenAt: probe.takenAt, takenOffset: probe.takenOffset, size: probe.size, gps: probe.gps, frames: 0, reusedFrames: true };
  }
}
