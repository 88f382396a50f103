// Real video files for tests, made with the system's ffmpeg (Debian's here and in CI) from
// solid colours or from photos: what a phone's clip is to the indexer, minus the size.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { locateFfmpeg, type FfmpegLocation } from '../../src/core/media';

/** ffmpeg on PATH (tests make their videos with it, and index with it). */
export function systemFfmpeg(): FfmpegLocation {
  const found = locateFfmpeg({ env: { PATH: process.env.PATH ?? '' }, skipPackage: true });
  if (!found) throw new Error('ffmpeg is not on PATH: install Debian\'s ffmpeg (apt-get install ffmpeg) to run the video tests');
  return found;
}

export interface ColourSegment {
  /** ffmpeg colour name or 0xRRGGBB. */
  colour: string;
  seconds: number;
}

/** A video of solid colours one after the other (H.264 in MP4 unless `codec` says otherwise). */
export function writeColourVideo(file: string, segments: readonly ColourSegment[], options: { codec?: string[]; faststart?: boolean; size?: string; filter?: string } = {}): string {
  const size = options.size ?? '320x240';
  const inputs = segments.flatMap((s) => ['-f', 'lavfi', '-i', `color=c=${s.colour}:s=${size}:d=${s.seconds}:r=10`]);
  const concat = `${segments.map((_, i) => `[${i}:v]`).join('')}concat=n=${segments.length}:v=1:a=0${options.filter ? `,${options.filter}` : ''}[v]`;
  const codec = options.codec ?? ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'];
  ffmpeg([...inputs, '-filter_complex', concat, '-map', '[v]', ...codec, ...(options.faststart ? ['-movflags', '+faststart'] : []), file]);
  return file;
}

/** A one-second still of a photo, lossless (FFV1, RGB): the frame's pixels are the photo's. */
export function writePhotoStill(file: string, photo: string): string {
  ffmpeg(['-loop', '1', '-i', photo, '-t', '1', '-r', '2', '-c:v', 'ffv1', '-pix_fmt', 'bgr0', file]);
  return file;
}

/** `file` rewrapped without re-encoding, with another title: other bytes, the same frames. */
export function remux(file: string, to: string, title: string): string {
  ffmpeg(['-i', file, '-c', 'copy', '-metadata', `title=${title}`, to]);
  return to;
}

/**
 * `file` rewrapped without re-encoding, recorded at `isoUtc` (the container's creation_time, as
 * an Android phone writes it); with `appleLocal` ("2024-06-15T23:30:00-0500") also Apple's
 * creationdate, the wall clock with its offset, as an iPhone writes it (in a .mov).
 */
export function recordedAt(file: string, to: string, isoUtc: string, appleLocal?: string): string {
  const apple = appleLocal ? ['-movflags', 'use_metadata_tags', '-metadata', `com.apple.quicktime.creationdate=${appleLocal}`] : [];
  ffmpeg(['-i', file, '-c', 'copy', ...apple, '-metadata', `creation_time=${isoUtc}`, to]);
  return to;
}

/** The first half of `file` (a copy cut short, as an interrupted transfer leaves it). */
export function truncateCopy(file: string, to: string, fraction = 0.5): string {
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(to, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return to;
}

function ffmpeg(args: string[]): void {
  fs.mkdirSync(path.dirname(args[args.length - 1]!), { recursive: true });
  execFileSync(systemFfmpeg().path, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}
