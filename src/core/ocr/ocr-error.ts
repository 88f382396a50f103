/** An image the OCR cannot read, or a model it cannot load, with a one-line reason. */
export class OcrError extends Error {
  override name = 'OcrError';

  constructor(message: string) {
    super(message.split('\n').map((s) => s.trim()).find(Boolean) ?? 'OCR failed');
  }
}
