// The OCR's text in reading order for printed lines the detector finds as several boxes (the
// words set wide apart), level and tilted: each printed line is one line of text, its words
// left to right, as `shoebox show` and the viewer show it. With the packaged PP-OCRv4 weights,
// on signs set in DejaVu Sans Bold on white.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../src/core/ocr';

/** Words set `gap` pixels apart on one line, the line turned `angle` degrees (negative: rising to the right). */
async function sign(words: readonly string[], gap: number, angle: number, width = 1000, height = 400): Promise<Buffer> {
  const size = 72;
  let x = 60;
  const parts = words.map((w) => {
    const part = `<text x="${x}" y="${height / 2}" font-family="DejaVu Sans" font-weight="bold" font-size="${size}" fill="#000">${w}</text>`;
    x += w.length * size * 0.74 + gap;
    return part;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#fff"/><g transform="rotate(${angle} ${width / 2} ${height / 2})">${parts.join('')}</g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('OCR reading order', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await OcrEngine.load({ provider: 'cpu' });
  }, 60_000);
  afterAll(() => engine.release());

  it('reads a tilted line found as several boxes as one line, left to right', async () => {
    const read = await engine.recognize(await sign(['BUS', 'STOP', '42'], 90, -6));
    expect(read.lines.length, 'the detector splits the line at its wide spaces').toBeGreaterThan(1);
    expect(read.text).toBe('BUS STOP 42');
  });

  it('reads a level line found as several boxes as one line', async () => {
    expect((await engine.recognize(await sign(['EMERGENCY', 'EXIT'], 100, 0, 1200))).text).toBe('EMERGENCY EXIT');
    expect((await engine.recognize(await sign(['SPECIAL', 'OFFER', 'ON'], 100, 2, 1200))).text).toBe('SPECIAL OFFER ON');
  });
});
