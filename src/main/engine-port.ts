// The engine process's side of the port: answers LibraryApi requests (arguments checked as
// for any page), image reads and shutdown, and pushes the engine's events. Kept apart from
// the entry (engine-process.ts) so tests drive it with a fake port and a fake library.
import type { LibraryHost } from '../core/index';
import { answerRequest, libraryHandler } from '../shared/rpc';
import { HOST_METHODS, type EngineHello, type EngineS3 } from './engine-protocol';

/** The slice of Electron's MessagePortMain this needs. */
export interface PortLike {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
}

export function serveEngineOnPort(port: PortLike, host: LibraryHost, onShutdown: () => void): void {
  const library = libraryHandler(host);
  host.subscribe((event) => port.postMessage({ event }));
  port.on('message', ({ data }) => {
    void answerRequest(data, async (method, params) => {
      if (method === HOST_METHODS.readImage) {
        const [id, kind] = params;
        if (typeof id !== 'string' || (kind !== 'thumb' && kind !== 'image')) throw new Error('readImage(id, kind): bad arguments');
        return host.readImage(id, kind);
      }
      if (method === HOST_METHODS.readVideo) {
        const [id, range] = params;
        if (typeof id !== 'string' || (range !== null && typeof range !== 'string')) throw new Error('readVideo(id, range): bad arguments');
        return host.readVideo(id, range);
      }
      if (method === HOST_METHODS.copyLibrary) {
        const [target, s3] = params;
        if (typeof target !== 'string' || !target || (s3 !== null && !isEngineS3(s3))) throw new Error('copyLibrary(target, s3): bad arguments');
        // No settings from main: the usual sources (AWS_*, ~/.aws), never the open library's.
        return host.copyLibraryNow(target, { s3: s3 ?? {} });
      }
      if (method === HOST_METHODS.shutdown) {
        await host.close();
        setTimeout(onShutdown, 0); // after the answer is on its way
        return null;
      }
      return library(method, params);
    }).then((response) => response && port.postMessage(response));
  });
  port.start();
  port.postMessage({ type: 'ready' } satisfies EngineHello);
}

/** Tells the host the engine cannot start (the library is busy, the data folder is unreadable). */
export function reportFatal(port: PortLike, error: unknown): void {
  const e = error instanceof Error ? error : new Error(String(error));
  port.start();
  port.postMessage({ type: 'fatal', error: { name: e.name, message: e.message } } satisfies EngineHello);
}

/** Main's S3 settings for a copy's target: strings where given, keys both or neither. */
function isEngineS3(value: unknown): value is EngineS3 {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  const text = (v: unknown) => v === undefined || typeof v === 'string';
  if (!text(o['endpoint']) || !text(o['region'])) return false;
  const c = o['credentials'];
  if (c === undefined) return true;
  const k = c as Record<string, unknown> | null;
  return typeof k === 'object' && k !== null && typeof k['accessKeyId'] === 'string' && typeof k['secretAccessKey'] === 'string';
}
