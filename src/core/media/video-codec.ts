// A video's encoding, named for a person: what the viewer says when a browser cannot play a
// video (Chromium plays H.264, VP8/9 and AV1 whatever the container, not HEVC, Motion JPEG or
// ProRes), so the message blames the codec, never the .mov or .avi around it. Read from the
// file when asked (one ffmpeg probe, as indexing's), never stored: the library has no column for it.
import { probeVideo } from './video-frames';
import { locateFfmpeg, type FfmpegLocation } from './video-ffmpeg';

/** ffmpeg's codec ids as people know them; any other is shown upper-cased ("theora": THEORA). */
const KNOWN: Record<string, string> = {
  h264: 'H.264',
  hevc: 'HEVC/H.265',
  mjpeg: 'Motion JPEG',
  prores: 'ProRes',
  mpeg4: 'MPEG-4 Part 2',
  mpeg2video: 'MPEG-2',
  mpeg1video: 'MPEG-1',
  vp8: 'VP8',
  vp9: 'VP9',
  av1: 'AV1',
  dvvideo: 'DV',
  wmv3: 'Windows Media Video 9',
  h263: 'H.263',
  rawvideo: 'uncompressed video',
};

/** "hevc" → "HEVC/H.265". */
export function videoCodecName(ffmpegId: string): string {
  return KNOWN[ffmpegId] ?? ffmpegId.toUpperCase();
}

/** The named codec of `file`'s first video stream; null without an ffmpeg, or when it cannot tell. */
export async function readVideoCodec(file: string, ffmpeg?: FfmpegLocation | null, signal?: AbortSignal): Promise<string | null> {
  let at: FfmpegLocation | null;
  try {
    at = ffmpeg === undefined ? locateFfmpeg() : ffmpeg;
  } catch {
    return null; // SHOEBOX_FFMPEG names no binary: indexing says so, the viewer need not
  }
  if (!at) return null;
  const probe = await probeVideo(at.path, file, signal).catch(() => null);
  return probe?.codec ? videoCodecName(probe.codec) : null;
}
