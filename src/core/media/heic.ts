// HEIC/HEIF → raw RGBA that sharp takes as `sharp(data, { raw: info })`. sharp's prebuilt
// libvips has libheif but no HEVC decoder (patents), so we decode with libheif compiled to
// WebAssembly (heic-decode → libheif-js). It runs on the calling thread: ~1 s for a 12 MP
// photo, so call it from a worker, not the engine's event loop.
//
// Orientation: HEIF stores rotation, mirroring and crop as item properties (irot, imir, clap)
// and libheif applies them while decoding, so these pixels are already upright. iPhones ALSO
// write EXIF Orientation (6 for a portrait shot) describing the same rotation; applying it
// again would turn the photo sideways. The raw object carries no EXIF, so sharp's autoOrient
// leaves it alone — do not rotate it by the EXIF orientation exif.ts reports.
import decode from 'heic-decode';
import { MediaError, errorText } from './errors';

export interface RawImage {
  data: Buffer;
  info: { width: number; height: number; channels: 4 };
}

export async function decodeHeic(buffer: Uint8Array): Promise<RawImage> {
  let decoded;
  try {
    decoded = await decode({ buffer });
  } catch (err) {
    throw new MediaError('decode-failed', `HEIC decode failed: ${errorText(err)}`);
  }
  const { width, height, data } = decoded;
  if (!width || !height || data.byteLength !== width * height * 4) {
    throw new MediaError('decode-failed', `HEIC decode failed: decoder returned ${width}x${height} with ${data.byteLength} bytes`);
  }
  // A view on the decoder's output, not a copy: these are tens of megabytes.
  return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), info: { width, height, channels: 4 } };
}
