// A photo cut short (a copy interrupted, a card pulled out mid-write) fails in the one sentence
// every format's damage uses (preprocess.ts DAMAGED_IMAGE_REASON), never a decoder's own words
// ("vipspng: libpng read error"): the user reads what happened to the file, whatever its format.
// (WebP and GIF cut short fail at the header read, media/decode-input.ts, before any pixel.)
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { preprocessImage } from '../../../src/core/clip/preprocess';
import type { ImagePreprocessing } from '../../../src/core/clip/model-folder';
import { sniffFormat, toSharpInputWithHeader } from '../../../src/core/media';

const PRE: ImagePreprocessing = { size: 224, mean: [0, 0, 0], std: [1, 1, 1], resizeMode: 'shortest', cropRounding: 'floor' };
const DAMAGED = 'damaged image data (the decoder stopped at a corrupt part)';

/** A picture with detail (a flat colour compresses to a few bytes, which a cut rarely reaches). */
function picture(): Sharp {
  const svg = '<svg width="400" height="300"><circle cx="200" cy="150" r="100" fill="red"/><rect x="20" y="20" width="90" height="200" fill="blue"/></svg>';
  return sharp({ create: { width: 400, height: 300, channels: 3, background: '#3a6' } }).composite([{ input: Buffer.from(svg) }]);
}

const FORMATS: Record<string, () => Promise<Buffer>> = {
  png: () => picture().png().toBuffer(),
  'interlaced png': () => picture().png({ progressive: true }).toBuffer(),
  tiff: () => picture().tiff().toBuffer(), // JPEG-compressed: its tables lie past a cut
  avif: () => picture().avif().toBuffer(),
  jpeg: () => picture().jpeg().toBuffer(),
};

/** Decoded as the indexer decodes a file's bytes (indexer.ts decodeFile). */
async function reasonFor(bytes: Buffer): Promise<string> {
  try {
    const { input, header } = await toSharpInputWithHeader(bytes, sniffFormat(bytes));
    await preprocessImage(input, PRE, { thumbnailSize: 384, header });
    return 'decoded';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('a photo cut short', () => {
  it.each(Object.keys(FORMATS))('%s: damaged image data, in the words damaged JPEGs use', async (name) => {
    const full = await FORMATS[name]!();
    const reasons = [];
    for (const share of [0.3, 0.6, 0.9, 0.99]) reasons.push(await reasonFor(full.subarray(0, Math.floor(full.length * share))));
    // Cut where the pixels are: a cut the header read already refuses is decode-input.ts's to word.
    const pixels = reasons.filter((r) => !/^unreadable \w+ header/.test(r));
    expect(pixels.length, reasons.join(' | ')).toBeGreaterThan(0);
    for (const reason of pixels) expect(reason, reasons.join(' | ')).toBe(DAMAGED);
  });
});
