// A photo the user turned is read turned (the recogniser reads level text only), and read
// again when turned again; its boxes are kept as the file shows the photo, the frame the app
// turns them from (turnTextMatch).
import { describe, expect, it } from 'vitest';
import type { OcrResult } from '../../../src/core/ocr';
import type { PhotoDates, PhotoTextRecord } from '../../../src/core/store/types';
import { contentsWithoutText, ocrReading, OCR_MODEL_VERSION, readMissingText, type TextReadingStore } from '../../../src/core/text/text-reading';
import { turnPoint } from '../../../src/shared/rotation';

const row = (path: string, hash: string, indexedAt: number): PhotoDates => ({ path, hash, takenAt: null, mtimeMs: 1, indexedAt, gpsLat: null, gpsLon: null });

function library(photos: PhotoDates[], read: Record<string, string>, turned: Record<string, number>) {
  const rows = new Map<string, PhotoTextRecord>(Object.entries(read).map(([hash, model]) => [hash, { hash, text: 'old', lines: '[]', width: 400, height: 300, model, error: null, readAt: 1 }]));
  const store: TextReadingStore = {
    listPhotoDates: async () => photos,
    photoTextModels: async () => new Map([...rows.values()].map((r) => [r.hash, r.model])),
    rotations: async () => new Map(Object.entries(turned)),
    putPhotoText: async (records) => records.forEach((r) => rows.set(r.hash, r)),
  };
  return { store, rows };
}

/** A 400 x 300 photo whose one line, level once the photo is turned, the OCR boxes in the turned frame. */
function recognizer() {
  const asked: { path: string; turns: number }[] = [];
  const recognize = async (path: string, turns: number): Promise<OcrResult> => {
    asked.push({ path, turns });
    const sideways = turns % 2 === 1;
    return { text: 'OPEN', lines: [{ text: 'OPEN', score: 0.9, box: [[10, 20], [110, 20], [110, 50], [10, 50]] }], width: sideways ? 300 : 400, height: sideways ? 400 : 300 };
  };
  return { asked, recognize };
}

describe('reading the text of turned photos', () => {
  it('reads a turned photo turned, and keeps its boxes as the file shows the photo', async () => {
    const { store, rows } = library([row('/p/scan.jpg', 'a', 1)], {}, { a: 1 });
    const ocr = recognizer();
    await readMissingText(store, { recognize: ocr.recognize });
    expect(ocr.asked).toEqual([{ path: '/p/scan.jpg', turns: 1 }]);
    const saved = rows.get('a')!;
    expect(saved.model).toBe(ocrReading(1));
    expect([saved.width, saved.height]).toEqual([400, 300]);
    const box = (JSON.parse(saved.lines) as { box: [number, number][] }[])[0]!.box;
    // 90° clockwise: the turned frame's (x, y) was the file's (y, 300 - x).
    expect(box).toEqual([[20, 290], [20, 190], [50, 190], [50, 290]]);
    // Turned with the photo for the app, they land where the OCR found them.
    expect(box.map((p) => turnPoint(p, 400, 300, 1))).toEqual([[10, 20], [110, 20], [110, 50], [10, 50]]);
  });

  it('reads again, before the backlog, a photo turned since its text was read; the old text stays until then', async () => {
    const photos = [row('/p/new.jpg', 'n', 9), row('/p/old-model.jpg', 'm', 5), row('/p/turned.jpg', 't', 1), row('/p/done.jpg', 'd', 2)];
    const { store, rows } = library(photos, { t: OCR_MODEL_VERSION, d: OCR_MODEL_VERSION, m: 'an older OCR' }, { t: 2 });
    expect((await contentsWithoutText(store)).map((p) => [p.path, p.turns])).toEqual([['/p/turned.jpg', 2], ['/p/new.jpg', 0], ['/p/old-model.jpg', 0]]);
    expect(rows.get('t')!.text).toBe('old');
    const ocr = recognizer();
    await readMissingText(store, { recognize: ocr.recognize });
    expect(ocr.asked.map((a) => a.path)).toEqual(['/p/turned.jpg', '/p/new.jpg', '/p/old-model.jpg']);
    expect(rows.get('t')!.model).toBe(ocrReading(2));
    expect(rows.get('d')!.model).toBe(OCR_MODEL_VERSION);
    expect(await contentsWithoutText(store)).toEqual([]);
  });

  it('a photo turned back upright is read upright again', async () => {
    const { store, rows } = library([row('/p/scan.jpg', 'a', 1)], { a: ocrReading(3) }, {});
    const ocr = recognizer();
    await readMissingText(store, { recognize: ocr.recognize });
    expect(ocr.asked).toEqual([{ path: '/p/scan.jpg', turns: 0 }]);
    expect(rows.get('a')!.model).toBe(OCR_MODEL_VERSION);
    expect(JSON.parse(rows.get('a')!.lines)[0].box).toEqual([[10, 20], [110, 20], [110, 50], [10, 50]]);
  });
});
