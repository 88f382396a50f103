// Camera RAWs are shown through the JPEG the camera embeds beside the sensor data: libvips
// cannot demosaic, and for CLIP and thumbnails the camera's own rendering is what the user
// saw on the camera's screen. Every RAW format carries at least a small preview; we take the
// largest viewable one.
//
// - TIFF-based (CR2, NEF, ARW, DNG, ORF, RW2, PEF, SRW): walk IFD0, IFD1…, SubIFDs and the
//   EXIF IFD, and consider (a) JPEGInterchangeFormat/Length, (b) a single strip whose
//   Compression is 6/7 (JPEG) and whose Photometric is not sensor data, (c) Panasonic's
//   JpgFromRaw tag. Maker notes are not parsed.
// - RAF: the header points at the camera JPEG (offset at byte 84, length at byte 88, big-endian).
// - CR3 (ISO-BMFF) and, as a fallback for everything above, a scan: every FFD8FF in the file
//   is walked as a JPEG stream (readJpeg), which measures its true end, skips thumbnails nested
//   in its APP1, and rejects random FFD8 bytes in sensor data. The largest viewable one wins.
//   ORF keeps its big preview in the Olympus maker note, so ORF always adds the scan.
//
// Candidates must start with FFD8 and have a baseline/progressive frame (readJpeg): lossless
// JPEG (CR2's and DNG's sensor data) also starts with FFD8 and must never be taken.
import { isViewableJpeg, jpegOrientation, readJpeg, withExifOrientation } from './jpeg';
import { sniffImage } from './sniff';
import { RAW_PHOTOMETRIC, TAG, TiffReader } from './tiff';

export interface RawPreview {
  /** The embedded JPEG, copied out of the RAW (so the RAW's buffer can be freed). */
  jpeg: Buffer;
  width: number;
  height: number;
  /** The RAW's own orientation (TIFF IFD0, CR3's CMT1), 1-8, or null when it has none. */
  rawOrientation: number | null;
  /** Where it was found, for diagnostics: e.g. 'IFD0/SubIFD0 strip', 'RAF header', 'scan'. */
  source: string;
}

interface Candidate {
  start: number;
  end: number;
  width: number;
  height: number;
  source: string;
}

/** Stop scanning after this many FFD8FF hits: sensor data can contain the pattern by chance. */
const MAX_SCAN_HITS = 20_000;

/** The largest viewable JPEG embedded in a camera RAW, or null when it has none. */
export function extractRawPreview(raw: Buffer): RawPreview | null {
  const kind = sniffImage(raw.subarray(0, 64 * 1024))?.raw;
  const candidates: Candidate[] = [];
  let rawOrientation: number | null = null;

  if (kind === 'raf') {
    const offset = raw.length >= 92 ? raw.readUInt32BE(84) : 0;
    const length = raw.length >= 92 ? raw.readUInt32BE(88) : 0;
    addCandidate(raw, offset, length, 'RAF header', candidates);
  } else if (kind === 'cr3') {
    rawOrientation = cr3Orientation(raw);
  } else {
    const tiff = TiffReader.open(raw);
    if (tiff) {
      const ifds = tiff.walk();
      const ifd0 = ifds[0]?.ifd;
      const o = ifd0 ? tiff.first(ifd0, TAG.Orientation) : undefined;
      if (o !== undefined && o >= 1 && o <= 8) rawOrientation = o;
      for (const { ifd, label } of ifds) {
        const jif = tiff.first(ifd, TAG.JpegInterchangeFormat);
        const jifLength = tiff.first(ifd, TAG.JpegInterchangeFormatLength);
        if (jif !== undefined && jifLength) addCandidate(raw, tiff.base + jif, jifLength, `${label} JPEGInterchangeFormat`, candidates);

        const compression = tiff.first(ifd, TAG.Compression);
        const photometric = tiff.first(ifd, TAG.Photometric);
        const strips = tiff.values(ifd, TAG.StripOffsets);
        const counts = tiff.values(ifd, TAG.StripByteCounts);
        const isJpeg = compression === 6 || compression === 7;
        const isSensor = photometric !== undefined && RAW_PHOTOMETRIC.has(photometric);
        // One strip = one JPEG stream. (Multi-strip JPEG previews are not made by cameras.)
        if (isJpeg && !isSensor && strips.length === 1 && counts.length === 1) {
          addCandidate(raw, tiff.base + strips[0]!, counts[0]!, `${label} strip`, candidates);
        }

        const panasonic = ifd.entries.get(TAG.PanasonicJpgFromRaw);
        if (panasonic && label === 'IFD0') addCandidate(raw, panasonic.valueOffset, panasonic.count, 'IFD0 JpgFromRaw', candidates);
      }
    }
  }

  if (candidates.length === 0 || kind === 'orf' || kind === 'cr3') scanForJpegs(raw, candidates);
  const best = largest(candidates);
  if (!best) return null;
  return {
    jpeg: Buffer.from(raw.subarray(best.start, best.end)),
    width: best.width,
    height: best.height,
    rawOrientation,
    source: best.source,
  };
}

/**
 * The preview ready for sharp with autoOrient: upright once EXIF orientation is applied,
 * the same contract as every other JPEG. Previews are stored the way the sensor saw the
 * scene, so the RAW's orientation is written into the preview's EXIF (no re-encoding). When
 * the RAW has none (RAF; a CR3 without CMT1) the preview's own EXIF is left to speak.
 */
export function uprightPreview(preview: RawPreview): Buffer {
  const o = preview.rawOrientation;
  if (o === null) return preview.jpeg;
  const own = jpegOrientation(preview.jpeg);
  if (own === o || (own === null && o === 1)) return preview.jpeg;
  return withExifOrientation(preview.jpeg, o);
}

function addCandidate(raw: Buffer, start: number, length: number, source: string, out: Candidate[]): void {
  if (!Number.isInteger(start) || start <= 0 || start + 4 > raw.length || length < 4) return;
  if (raw[start] !== 0xff || raw[start + 1] !== 0xd8) return;
  const end = Math.min(start + length, raw.length);
  const info = readJpeg(raw.subarray(start, end));
  if (!info || !isViewableJpeg(info)) return;
  out.push({ start, end, width: info.width, height: info.height, source });
}

const SOI = Buffer.from([0xff, 0xd8, 0xff]);

function scanForJpegs(raw: Buffer, out: Candidate[]): void {
  let at = raw.indexOf(SOI, 0);
  for (let hits = 0; at >= 0 && hits < MAX_SCAN_HITS; hits++) {
    const info = readJpeg(raw, at, true);
    if (info?.end && isViewableJpeg(info)) {
      out.push({ start: at, end: info.end, width: info.width, height: info.height, source: 'scan' });
      at = raw.indexOf(SOI, info.end);
    } else {
      at = raw.indexOf(SOI, at + 2);
    }
  }
}

function largest(candidates: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    const area = c.width * c.height;
    const bestArea = best ? best.width * best.height : -1;
    if (area > bestArea || (area === bestArea && best && c.end - c.start > best.end - best.start)) best = c;
  }
  return best;
}

/** CR3 keeps IFD0 as a TIFF inside a 'CMT1' box in the moov's Canon uuid box. */
function cr3Orientation(raw: Buffer): number | null {
  const at = raw.subarray(0, Math.min(raw.length, 1 << 20)).indexOf('CMT1', 0, 'latin1');
  if (at < 4) return null;
  const size = raw.readUInt32BE(at - 4);
  const tiff = TiffReader.open(raw.subarray(at + 4, Math.min(raw.length, at - 4 + size)));
  const ifd0 = tiff && tiff.ifd0Offset ? tiff.readIfd(tiff.ifd0Offset) : null;
  const o = ifd0 ? tiff!.first(ifd0, TAG.Orientation) : undefined;
  return o !== undefined && o >= 1 && o <= 8 ? o : null;
}
