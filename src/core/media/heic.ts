// HEIC/HEIF → raw RGBA that sharp takes as `sharp(data, { raw: info })`. sharp's prebuilt
// libvips has libheif but no HEVC decoder (patents), so we decode with libheif compiled to
// WebAssembly (heic-decode → libheif-js). That runs on the calling thread, ~1-2 s for a
// 12 MP photo, so decodeHeic() sends it to a worker (heic-decoder.ts); the worker itself
// calls decodeHeicHere().
//
// Orientation: HEIF stores rotation, mirroring and crop as item properties (irot, imir, clap)
// and libheif applies them while decoding, so these pixels are already upright. iPhones ALSO
// write EXIF Orientation (6 for a portrait shot) describing the same rotation; applying it
// again would turn the photo sideways. The raw object carries no EXIF, so sharp's autoOrient
// leaves it alone — do not rotate it by the EXIF orientation exif.ts reports.
import decode from 'heic-decode';
import { MediaError, errorText } from './errors';
import { decodeHeicOffThread } from './heic-decoder';

export interface RawImage {
  data: Buffer;
  info: { width: number; height: number; channels: 4 };
}

/** Decodes on the HEIC worker thread: the caller's event loop keeps running meanwhile. */
export function decodeHeic(buffer: Uint8Array): Promise<RawImage> {
  return decodeHeicOffThread(buffer);
}

/** Decodes on this thread (blocking it): for the worker. */
export async function decodeHeicHere(buffer: Uint8Array): Promise<RawImage> {
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
