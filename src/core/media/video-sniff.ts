// Tells a video's container from its bytes, never from its name, as sniff.ts does for photos:
// phones and sync tools rename files, and a ".mp4" may be a QuickTime movie or a photo.
// Only the container is told here; whether ffmpeg can decode the stream inside is found
// when frames are read (video-frames.ts), and a file it cannot read fails with its reason.
//
// Call it only when sniffImage() found no photo: HEIC, AVIF and CR3 are ISO-BMFF too, and
// their brands are photos'.
import path from 'node:path';

export type VideoFormat = 'mp4' | 'mov' | 'm4v' | 'mkv' | 'webm' | 'avi';

export interface VideoSniff {
  format: VideoFormat;
  /** What a browser's <video> is told (Content-Type of the original). */
  mime: string;
}

const MIME: Record<VideoFormat, string> = {
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  m4v: 'video/x-m4v',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  avi: 'video/x-msvideo',
};

/** ftyp major brands of video files (ISO/IEC 14496-12 and the mp4ra registry's common ones). */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'mmp4', 'MSNV', 'mp71', 'f4v ', 'XAVC', 'nvr1', 'FACE']);
const M4V_BRANDS = new Set(['M4V ', 'M4VH', 'M4VP']);
/** QuickTime files older than ftyp start with one of these atoms. */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** The extensions a video is usually named with: a broken one is reported, not ignored. */
const VIDEO_EXTENSIONS = new Set(['.mp4', '.mov', '.m4v', '.mkv', '.webm', '.avi', '.3gp', '.qt']);

export function hasVideoExtension(file: string): boolean {
  return VIDEO_EXTENSIONS.has(path.extname(file).toLowerCase());
}

export function sniffVideo(bytes: Uint8Array): VideoSniff | null {
  const b = bytes;
  if (b.length < 12) return null;
  const at = (format: VideoFormat): VideoSniff => ({ format, mime: MIME[format] });
  if (ascii(b, 4, 8) === 'ftyp') {
    const major = ascii(b, 8, 12);
    if (major === 'qt  ') return at('mov');
    if (M4V_BRANDS.has(major)) return at('m4v');
    if (MP4_BRANDS.has(major) || major.startsWith('3g')) return at('mp4');
    return null; // HEIF, AVIF, CR3 (photos), JPEG 2000, audio-only M4A...
  }
  if (QUICKTIME_ATOMS.has(ascii(b, 4, 8))) return at('mov');
  // Matroska and WebM: an EBML header whose DocType names the flavour.
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) {
    const head = ascii(b, 0, Math.min(b.length, 64));
    return head.includes('webm') ? at('webm') : head.includes('matroska') ? at('mkv') : null;
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'AVI ') return at('avi');
  return null;
}

function ascii(b: Uint8Array, start: number, end: number): string {
  if (b.length < end) return '';
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}
