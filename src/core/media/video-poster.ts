// Which of a video's sampled frames is its poster (its thumbnail and its row's vector): the
// first at or after POSTER_AT_S, since opening frames are often black; a shorter video's first.
// One rule for the indexer (library/video-indexing.ts), which reads every frame, and for the
// poster made again when its thumbnail is missing (library/video-poster.ts), which reads only
// as far as the poster: both must pick the same frame.
import { probeVideo, readVideoFrames, VideoReadError, type FrameSampling, type VideoFrame } from './video-frames';

/** The poster is the first sampled frame at or after this far in, seconds. */
export const POSTER_AT_S = 1;

/** The poster so far once `frame` (frames come in time order) has been seen. */
export function nextPoster(poster: VideoFrame | null, frame: VideoFrame): VideoFrame {
  return !poster || (poster.timeS < POSTER_AT_S && frame.timeS >= POSTER_AT_S) ? frame : poster;
}

/** Whether later frames can no longer change the poster. */
export function posterSettled(poster: VideoFrame | null): boolean {
  return poster !== null && poster.timeS >= POSTER_AT_S;
}

/**
 * The poster frame, sampled as `sampling` says (the indexer's sampling gives the indexer's
 * poster: ffmpeg's frame selection depends only on the frames before, and the probe's length).
 * ffmpeg is stopped once the poster is known: a few seconds of a video are decoded, not all.
 */
export async function readPosterFrame(ffmpeg: string, file: string, sampling: FrameSampling, signal?: AbortSignal, durationS?: number): Promise<VideoFrame> {
  // `durationS`: the caller's probe said it already (one ffmpeg run fewer).
  const duration = durationS ?? (await probeVideo(ffmpeg, file, signal)).durationS;
  let poster: VideoFrame | null = null;
  for await (const frame of readVideoFrames(ffmpeg, file, sampling, duration, signal)) {
    poster = nextPoster(poster, frame);
    if (posterSettled(poster)) break; // leaving the loop stops ffmpeg (readVideoFrames' finally)
  }
  if (!poster) throw new VideoReadError('no frame could be decoded');
  return poster;
}
