// THE SEAM between the window's main process and the engine.
//
// Today a stand-in that answers info() in-process. It is meant to become a proxy to
// createEngine() (src/core/engine.ts) running in a utilityProcess (DESIGN.md "One
// contract, three transports"): ONNX Runtime's run() blocks its thread and a native crash
// must not take the window down. Everything else in src/main sees only `EngineHost`, so
// that swap changes this file alone.
import { app } from 'electron';
import type { LibraryApi, LibraryEvent } from '../shared/api';

export interface EngineHost {
  /** The engine's LibraryApi; the IPC bridge forwards the renderer's calls to it. */
  api: LibraryApi;
  /** Stops the engine and waits for it to flush (LanceDB writes, worker threads). */
  dispose(): Promise<void>;
}

export function createEngineHost(): EngineHost {
  const listeners = new Set<(event: LibraryEvent) => void>();
  const api: LibraryApi = {
    async info() {
      return {
        version: app.getVersion(),
        home: app.getPath('userData'),
        platform: process.platform,
        // No ONNX Runtime in this stand-in, so nothing is available or in use yet.
        providers: { available: [], inUse: null, fallbackReason: null },
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return {
    api,
    async dispose() {
      listeners.clear();
    },
  };
}
