// The rendered OCR set shared by test/integration/ocr.test.ts and bench/ocr.ts: known
// phrases over real photos from ../shared, in the ways text shows up in a photo library.
import { sharedPath } from './shared-data';
import type { TextPlacement } from './ocr-photos';

export interface OcrCase {
  name: string;
  kind: 'normal' | 'rotated' | 'small' | 'low contrast';
  /** A photo under ../shared/photos. */
  base: string;
  /** Width the photo is rendered at. */
  width: number;
  text: TextPlacement[];
}

export const OCR_BASE_PHOTOS = [
  'strecha/fountain-P11/0000.jpg',
  'strecha/entry-P10/0003.jpg',
  'imagenet/n01440764_tench.JPEG',
  'imagenet/n01530575_brambling.JPEG',
  'imagenet/n02776631_bakery.JPEG',
];

export function basePhotoPath(base: string): string {
  return sharedPath('photos', base);
}

export const OCR_CASES: OcrCase[] = [
  {
    name: 'a shop sign and a caption',
    kind: 'normal',
    base: OCR_BASE_PHOTOS[0]!,
    width: 1600,
    text: [
      { text: 'OPEN 24 HOURS', x: 200, y: 200, size: 60, panel: '#f4f0e0', bold: true },
      { text: 'Fresh bread daily', x: 300, y: 520, size: 44, fill: '#ffffff' },
    ],
  },
  {
    name: 'a serif notice',
    kind: 'normal',
    base: OCR_BASE_PHOTOS[2]!,
    width: 1024,
    text: [{ text: 'Museum closed on Mondays', x: 80, y: 120, size: 40, panel: '#ffffff', font: 'DejaVu Serif' }],
  },
  {
    name: 'a sign tilted clockwise',
    kind: 'rotated',
    base: OCR_BASE_PHOTOS[1]!,
    width: 1600,
    text: [{ text: 'Platform closed for repairs', x: 250, y: 400, size: 48, panel: '#1d3f8f', fill: '#ffffff', angle: 7 }],
  },
  {
    name: 'a label tilted anticlockwise',
    kind: 'rotated',
    base: OCR_BASE_PHOTOS[3]!,
    width: 1024,
    text: [{ text: 'Garden birds of Europe', x: 120, y: 500, size: 44, panel: '#fff6d5', angle: -5, bold: true }],
  },
  {
    name: 'small print on a panel',
    kind: 'small',
    base: OCR_BASE_PHOTOS[4]!,
    width: 1600,
    text: [{ text: 'Emergency exit keep clear', x: 120, y: 900, size: 22, panel: '#ffffff' }],
  },
  {
    name: 'small white text on the scene',
    kind: 'small',
    base: OCR_BASE_PHOTOS[0]!,
    width: 1600,
    text: [{ text: 'Tickets sold inside', x: 1000, y: 1000, size: 26, fill: '#ffffff', bold: true }],
  },
  {
    name: 'grey on grey',
    kind: 'low contrast',
    base: OCR_BASE_PHOTOS[2]!,
    width: 1024,
    text: [{ text: 'Winter sale starts today', x: 100, y: 200, size: 44, panel: '#9a9a9a', fill: '#6e6e6e' }],
  },
  {
    name: 'faint text straight on a wall',
    kind: 'low contrast',
    base: OCR_BASE_PHOTOS[1]!,
    width: 1600,
    text: [{ text: 'Private parking only', x: 300, y: 540, size: 56, fill: 'rgba(255,255,255,0.5)', bold: true }],
  },
];

/** The words a case was made with, one string. */
export function caseText(c: OcrCase): string {
  return c.text.map((t) => t.text).join('\n');
}
