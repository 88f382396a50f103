// Text in a picture with transparency (a PNG logo, a sticker, text exported on a transparent
// background): the transparent pixels' colour is black, so dropping the alpha laid black text
// over black and the OCR read "". It is laid over a background that contrasts with what is
// drawn: white under dark text, black under light text. Real PP-OCRv4 weights.
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRecognizeText, recognizeText } from '../../src/core/ocr';
import { flattenOnContrast } from '../../src/core/ocr/ocr-image';

afterAll(() => closeRecognizeText());

/** A 900×300 PNG of `text` in DejaVu Sans, `fill`, on a transparent background (no panel). */
async function transparentText(text: string, fill: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="300"><text x="60" y="180" font-family="DejaVu Sans" font-size="96" font-weight="bold" fill="${fill}">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('recognizeText on pictures with transparency', () => {
  it('reads dark text on a transparent background (laid over white), as file bytes and as RGBA pixels', async () => {
    const png = await transparentText('OPEN LATE', '#000000');
    expect((await sharp(png).metadata()).hasAlpha).toBe(true);
    expect((await recognizeText(png)).text).toMatch(/OPEN\s*LATE/);
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect((await recognizeText({ data, width: info.width, height: info.height, channels: 4 })).text).toMatch(/OPEN\s*LATE/);
  }, 60_000);

  it('reads light text on a transparent background (laid over black)', async () => {
    expect((await recognizeText(await transparentText('EXIT HERE', '#ffffff'))).text).toMatch(/EXIT\s*HERE/);
  }, 60_000);
});

describe('flattenOnContrast', () => {
  it('lays dark pixels over white and light ones over black, blending by opacity', () => {
    // One opaque black pixel, one transparent, one half-transparent black.
    expect([...flattenOnContrast(Uint8Array.from([0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128]))]).toEqual([0, 0, 0, 255, 255, 255, 127, 127, 127]);
    // Light text: over black.
    expect([...flattenOnContrast(Uint8Array.from([255, 255, 255, 255, 9, 9, 9, 0]))]).toEqual([255, 255, 255, 0, 0, 0]);
    // Nothing opaque: white.
    expect([...flattenOnContrast(Uint8Array.from([0, 0, 0, 0]))]).toEqual([255, 255, 255]);
  });
});
