// Text in photos (issue #14): PaddleOCR PP-OCRv4 on ONNX Runtime, in a worker thread. A leaf
// of core like clip and media: it imports those two and src/shared only.
import { OcrWorker } from './ocr-client';
import type { OcrResult } from './ocr-engine';
import type { OcrImage } from './ocr-image';

export { OcrWorker } from './ocr-client';
export { OcrEngine, OCR_MIN_SCORE, type OcrEngineOptions, type OcrLine, type OcrResult } from './ocr-engine';
export { OcrError, type OcrErrorKind } from './ocr-error';
export { OCR_DECODE_SIDE, type OcrImage, type OcrRaster } from './ocr-image';
export { packagedOcrModels, type OcrModelFiles } from './ocr-models';
export { DET_MAX_SIDE } from './detection-input';
export { readTurned } from './reading-direction';

let shared: OcrWorker | null = null;

/**
 * Reads the text in a photo file, its bytes, or decoded pixels, on one OCR worker shared by
 * the whole process (its models load once, on the first photo; photos sent together queue);
 * `turns`: clockwise quarter turns to read it at, for a photo the user turned.
 */
export function recognizeText(image: OcrImage, turns = 0): Promise<OcrResult> {
  shared ??= new OcrWorker();
  return shared.recognize(image, turns);
}

/** Stops the shared worker (a later recognizeText starts a new one). */
export async function closeRecognizeText(): Promise<void> {
  const worker = shared;
  shared = null;
  await worker?.close();
}
