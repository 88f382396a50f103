// THE SEAM between the window's main process and the engine (DESIGN.md "One contract,
// three transports"). The engine (src/core/api/library-api.ts) runs in an Electron utility
// process forked from out/main/engine.js, bridged by a MessagePort: ONNX Runtime's run()
// blocks its thread and a native crash must not take the window down. Everything else in
// src/main sees only `EngineHost`: a LibraryApi, image reads, dispose().
//
// The process starts on first use (utilityProcess.fork needs the app to be ready). If it
// dies, calls in flight fail, the page is told (a 'log' event) and it is started again; if
// it cannot start (the data folder cannot be read; a library busy in another process is
// opened for viewing instead, api/writer-elsewhere.ts), calls fail
// with that reason and each later call tries again, at most every few seconds.
import { MessageChannelMain, utilityProcess, type MessagePortMain, type UtilityProcess } from 'electron';
import { threadpoolEnv } from '../base/thread-budget';
import type { ExecutionProviderName, LibraryApi, LibraryEvent } from '../shared/api';
import { RemoteError, RpcClient, libraryApiOverRpc } from '../shared/rpc';
import type { CopyReport, ImageFile, ImageKind, VideoPiece } from '../core/index';
import { HOST_METHODS, type EngineHello, type EngineStart } from './engine-protocol';
import type { EngineLibraryOptions } from './library-setting';

export type { ImageFile, ImageKind, VideoPiece };

export interface EngineHost {
  /** The engine's LibraryApi; the IPC bridge forwards the renderer's calls to it. */
  api: LibraryApi;
  /** A library photo's image for the app protocol; null when the id names no library photo. */
  readImage(id: string, kind: ImageKind): Promise<ImageFile | null>;
  /** A piece of a library video for a ranged request; null when the id names no library video. */
  readVideo(id: string, range: string | null): Promise<VideoPiece | null>;
  /** Copies the open library to `target` (Settings → Library's "copy this library there"),
   *  as a job the page's job list shows; resolves with the copy's report once it is checked. */
  copyLibrary(target: EngineLibraryOptions): Promise<CopyReport>;
  /** Stops the engine and waits for it to flush (LanceDB writes, worker threads). */
  dispose(): Promise<void>;
  /** Stops the engine and starts it again on `library()`'s choice (Settings → Library);
   *  rejects with why the new library cannot open (the page shows it). */
  restart(): Promise<void>;
}

export interface EngineHostOptions {
  /** Absolute path of the built engine entry (out/main/engine.js). */
  entry: string;
  /** The data folder (the app's userData, which is the CLI's default home too). */
  home: string;
  provider?: ExecutionProviderName | 'auto';
  /** Restarts allowed within a minute before the host gives up. */
  maxRestarts?: number;
  /** The library to open, asked at every start (library-setting.ts); default <home>/library. */
  library?: () => EngineLibraryOptions;
}

const RETRY_FATAL_MS = 3000;
const STOP_TIMEOUT_MS = 10_000;

export function createEngineHost(options: EngineHostOptions): EngineHost {
  let child: UtilityProcess | null = null;
  let port: MessagePortMain | null = null;
  /** Resolves once the engine said hello; rejects with why it cannot start. */
  let ready: Promise<void> | null = null;
  let fatal: { error: Error; at: number } | null = null;
  let disposing = false;
  /** A library switch is stopping the engine: its exit is expected, not restarted here. */
  let switching = false;
  const restarts: number[] = [];

  const rpc = new RpcClient((request) => {
    if (!port) throw new Error('the engine is not running');
    port.postMessage(request);
  });
  const emit = (event: LibraryEvent) => rpc.receive({ event });

  const start = (): Promise<void> => {
    const { port1, port2 } = new MessageChannelMain();
    // libuv's pool sized for the cores before the engine starts (base/thread-budget.ts).
    const proc = utilityProcess.fork(options.entry, [], { serviceName: 'Shoebox engine', stdio: 'inherit', env: threadpoolEnv() });
    child = proc;
    port = port2;
    const hello = new Promise<void>((resolve, reject) => {
      port2.on('message', ({ data }) => {
        const message = data as EngineHello | object;
        if ('type' in message && message.type === 'ready') return resolve();
        if ('type' in message && message.type === 'fatal') return reject(new RemoteError(message.error));
        rpc.receive(message);
      });
      proc.once('exit', (code) => {
        reject(new Error(`the engine process exited (code ${code}) before it was ready`));
        onExit(proc, code);
      });
    });
    port2.start();
    const start: EngineStart = { type: 'start', options: { home: options.home, provider: options.provider ?? 'auto', ...options.library?.() } };
    proc.postMessage(start, [port1]);
    return hello;
  };

  const onExit = (proc: UtilityProcess, code: number): void => {
    if (child !== proc) return;
    child = null;
    port?.close();
    port = null;
    rpc.failAll(new Error(`the engine stopped (exit code ${code})`));
    if (disposing || switching || fatal) return;
    ready = null;
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0]! < now - 60_000) restarts.shift();
    if (restarts.length > (options.maxRestarts ?? 3)) {
      fatal = { error: new Error(`the engine keeps stopping (exit code ${code}); restart Shoebox`), at: Infinity };
      emit({ type: 'log', level: 'error', message: fatal.error.message });
      return;
    }
    emit({ type: 'log', level: 'error', message: `The engine stopped unexpectedly (exit code ${code}) and was restarted.` });
    void ensureReady().then(
      () => {
        emit({ type: 'folders-changed' });
        emit({ type: 'photos-changed', added: 0, removed: 0 });
      },
      () => {},
    );
  };

  const ensureReady = (): Promise<void> => {
    if (disposing) return Promise.reject(new Error('Shoebox is closing'));
    if (fatal) {
      if (Date.now() - fatal.at < RETRY_FATAL_MS) return Promise.reject(fatal.error);
      fatal = null;
      ready = null;
    }
    ready ??= start().catch((error: unknown) => {
      fatal = { error: error instanceof Error ? error : new Error(String(error)), at: Date.now() };
      throw fatal.error;
    });
    return ready;
  };

  const call = async (method: string, params: unknown[]): Promise<unknown> => {
    await ensureReady();
    return rpc.call(method, params);
  };

  const api = libraryApiOverRpc({ call, onEvent: (listener) => rpc.onEvent(listener) });

  /** Asks the engine to close the library (jobs cancelled, writes flushed, lock released) and waits for it to exit. */
  const stopChild = async (): Promise<void> => {
    const proc = child;
    if (!proc || !port) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref());
    rpc.call(HOST_METHODS.shutdown, []).catch(() => {});
    await Promise.race([exited, timeout]);
    if (child === proc) proc.kill();
  };

  return {
    api,
    readImage: (id, kind) => call(HOST_METHODS.readImage, [id, kind]) as Promise<ImageFile | null>,
    readVideo: (id, range) => call(HOST_METHODS.readVideo, [id, range]) as Promise<VideoPiece | null>,
    async copyLibrary({ library, s3 }) {
      if (!library) throw new Error('copy the library to a folder or an S3 bucket, not to the data folder');
      return call(HOST_METHODS.copyLibrary, [library, s3 ?? null]) as Promise<CopyReport>;
    },
    async restart() {
      if (disposing) throw new Error('Shoebox is closing');
      switching = true;
      fatal = null;
      restarts.length = 0;
      // Calls made meanwhile wait for the new engine: never two engines on one library.
      ready = stopChild()
        .finally(() => {
          switching = false;
        })
        .then(start)
        .catch((error: unknown) => {
          fatal = { error: error instanceof Error ? error : new Error(String(error)), at: Date.now() };
          throw fatal.error;
        });
      await ready;
      emit({ type: 'folders-changed' });
      emit({ type: 'photos-changed', added: 0, removed: 0 });
    },
    async dispose() {
      if (disposing) return;
      disposing = true;
      await stopChild();
    },
  };
}
