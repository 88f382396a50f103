// Inside a packaged Electron app, Electron's own fs reads files inside app.asar, but native
// code does not: ONNX Runtime opening a model by path, the OS running a binary. The packager
// (electron-builder's asarUnpack) puts such files beside the archive, in app.asar.unpacked.
import path from 'node:path';

/** `file` in the unpacked copy of an Electron app archive; any other path as it is. */
export function unpackedPath(file: string): string {
  return file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}
