// A folder of photos with known text for the text-in-photos tests and bench: the OCR set's
// cases (ocr-cases.ts: real photos from ../shared with phrases set in DejaVu fonts, level,
// tilted, small, faint) written as JPEGs, split over two subfolders so that filters have
// something to tell apart, single words and their near misses (CAFE beside CASE, EXIT beside
// EDIT: one letter apart, different words), and real photos without text and with text.
import fs from 'node:fs';
import path from 'node:path';
import { OCR_BASE_PHOTOS, OCR_CASES, basePhotoPath, caseText, type OcrCase } from './ocr-cases';
import { photoWithText } from './ocr-photos';
import { sharedPath } from './shared-data';

export interface MadeTextPhoto {
  file: string;
  /** The phrases drawn on it, one per line; '' for the photos without text. */
  text: string;
  case?: OcrCase;
}

/** Photos of ../shared without text (ocr.test.ts checks the OCR reads next to nothing in them). */
export const NO_TEXT_PHOTOS = ['strecha/fountain-P11/0000.jpg', 'imagenet/n01440764_tench.JPEG'];

/** Real photos of ../shared with text in them, and words of it (ocr.test.ts reads them). */
export const REAL_TEXT_PHOTOS = [
  { photo: 'imagenet/n02977058_cash_machine.JPEG', text: 'Bangor Savings Bank' },
  { photo: 'imagenet/n03841143_odometer.JPEG', text: '汽车之家' },
];

/**
 * Single-word signs and, on another photo, words one letter away from them (and from words of
 * OCR_CASES: OPEN/OVEN, SALE/SALT, HOTEL/MOTEL): a search for one must not find the other.
 */
export const NEAR_MISS_CASES: OcrCase[] = [
  {
    name: 'single words',
    kind: 'normal',
    base: OCR_BASE_PHOTOS[1]!,
    width: 1400,
    text: [
      { text: 'CAFE', x: 150, y: 180, size: 72, panel: '#2b2b2b', fill: '#ffffff', bold: true },
      { text: 'EXIT', x: 800, y: 600, size: 64, panel: '#1f7a3a', fill: '#ffffff', bold: true },
    ],
  },
  {
    name: 'near misses',
    kind: 'normal',
    base: OCR_BASE_PHOTOS[3]!,
    width: 1400,
    text: [
      { text: 'CASE EDIT', x: 120, y: 200, size: 60, panel: '#ffffff', bold: true },
      { text: 'OVEN SALT MOTEL', x: 120, y: 600, size: 60, panel: '#fff6d5', bold: true },
    ],
  },
];

function fileName(c: OcrCase): string {
  return `${c.name.replace(/[^a-z0-9]+/gi, '-')}.jpg`;
}

/** Writes the set under `dir`: even cases in signs/, odd ones in other/, the text-free photos in other/. */
export async function writeTextPhotos(dir: string): Promise<MadeTextPhoto[]> {
  const made: MadeTextPhoto[] = [];
  for (const [i, c] of [...OCR_CASES, ...NEAR_MISS_CASES].entries()) {
    const folder = path.join(dir, i % 2 === 0 ? 'signs' : 'other');
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, fileName(c));
    fs.writeFileSync(file, await photoWithText(basePhotoPath(c.base), c.width, c.text));
    made.push({ file, text: caseText(c), case: c });
  }
  for (const [i, p] of NO_TEXT_PHOTOS.entries()) {
    const file = path.join(dir, 'other', `no-text-${i}${path.extname(p).toLowerCase()}`);
    fs.copyFileSync(sharedPath('photos', p), file);
    made.push({ file, text: '' });
  }
  for (const r of REAL_TEXT_PHOTOS) {
    const file = path.join(dir, 'other', path.basename(r.photo).toLowerCase());
    fs.copyFileSync(sharedPath('photos', r.photo), file);
    made.push({ file, text: r.text });
  }
  return made;
}
