// One photo with one word on it, big and level on a plain ground, that the OCR reads every
// time: for tests of searching text in photos that are not about reading hard text.
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, writeColourPhoto } from './images';
import { photoWithText } from './ocr-photos';

/** Writes `dir/<word lower-cased>.jpg` with `word` on a white panel; returns its path. */
export async function writeSignPhoto(dir: string, word: string): Promise<string> {
  const base = await writeColourPhoto(tempDir(), 'ground.jpg', [200, 200, 200], { width: 800, height: 600 });
  const file = path.join(dir, `${word.toLowerCase()}.jpg`);
  fs.writeFileSync(file, await photoWithText(base, 800, [{ text: word, x: 150, y: 200, size: 90, panel: '#ffffff', bold: true }]));
  return file;
}
