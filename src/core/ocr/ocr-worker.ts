// The OCR's worker thread: ONNX Runtime's run() and the box post-processing hold the thread
// they run on for the whole photo (measured: the event loop stalled 2 s on one 6.3 MP photo),
// so the engine lives here and the app's, server's and CLI's main thread stays free.
import { parentPort, workerData } from 'node:worker_threads';
import { OcrEngine } from './ocr-engine';
import { OcrError } from './ocr-error';
import type { OcrRaster } from './ocr-image';
import type { OcrRequest, OcrResponse, OcrWorkerSetup } from './ocr-protocol';

const setup = (workerData ?? {}) as OcrWorkerSetup;
let engine: Promise<OcrEngine> | null = null;

parentPort!.on('message', (req: OcrRequest) => {
  void answer(req).then((res) => parentPort!.postMessage(res));
});

async function answer(req: OcrRequest): Promise<OcrResponse> {
  try {
    engine ??= OcrEngine.load(setup).catch((err: unknown) => {
      engine = null; // a later request tries again (the models may have been installed since)
      throw err;
    });
    // Structured cloning turns a Buffer into a plain Uint8Array: make it bytes again.
    const image = req.image instanceof Uint8Array ? Buffer.from(req.image.buffer, req.image.byteOffset, req.image.byteLength) : (req.image as string | OcrRaster);
    return { id: req.id, ok: true, result: await (await engine).recognize(image, req.turns) };
  } catch (err) {
    return { id: req.id, ok: false, errorName: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err), ...(err instanceof OcrError ? { kind: err.kind } : {}) };
  }
}
