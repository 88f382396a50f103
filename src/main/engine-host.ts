// THE SEAM between the window's main process and the engine (DESIGN.md "One contract,
// three transports"). The engine (src/core/api/library-api.ts) runs in an Electron utility
// process forked from out/main/engine.js, bridged by a MessagePort: ONNX Runtime's run()
// blocks its thread and a native crash must not take the window down. Everything else in
// src/main sees only `EngineHost`: a LibraryApi, image reads, dispose().
//
// The process starts on first use (utilityProcess.fork needs the app to be ready). If it
// dies, calls in flight fail, it is started again and the page is told (an error-level 'log'
// event, which the page shows until dismissed: renderer/lib/engine-notices.ts). If
// it cannot start, or dies before its hello (an unreadable data folder, an unreachable S3
// library; a library another process writes opens for viewing: api/writer-elsewhere.ts),
// calls fail with that reason and each later call tries again, at most every few seconds.
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

/** One forked engine process and what the host knows of it. */
interface Engine {
  proc: UtilityProcess;
  /** It said hello: only then is its exit a crash to restart (before, it is a failed start). */
  ready: boolean;
  exited: Promise<void>;
  /** Set once the host asked it to stop: its exit is expected, not restarted. */
  stopping?: Promise<void>;
}

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
const closing = () => new Error('Shoebox is closing');

/** Whether `promise` settles within `ms` (the timer never keeps the app alive). */
function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref?.();
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export function createEngineHost(options: EngineHostOptions): EngineHost {
  // Invariant: at most one engine process at a time (a second one would find the library's
  // writer lock taken and every later start would say "library busy"): `child` is the only
  // one, and a new one is forked only once it has exited (launch()).
  let child: Engine | null = null;
  let port: MessagePortMain | null = null;
  /** The current start: resolves once the engine said hello; rejects with why it cannot start. */
  let ready: Promise<void> | null = null;
  let fatal: { error: Error; at: number } | null = null;
  let disposing = false;
  /** The last restart (library switch); the next one, and dispose, wait for it. */
  let restarting: Promise<void> = Promise.resolve();
  const restarts: number[] = [];

  const rpc = new RpcClient((request) => {
    if (!port) throw new Error('the engine is not running');
    port.postMessage(request);
  });
  const emit = (event: LibraryEvent) => rpc.receive({ event });

  /** Stops whatever engine runs, then forks a new one; refused once the app is closing. */
  const launch = async (): Promise<void> => {
    if (child) await stopChild(child);
    if (disposing) throw closing(); // quitting mid-switch must not leave an engine behind
    // Named before the fork: a library that cannot be (a malformed SHOEBOX_LIBRARY) starts no
    // process, which would wait for a start message that never comes.
    const library = options.library?.();
    const { port1, port2 } = new MessageChannelMain();
    // libuv's pool sized for the cores before the engine starts (base/thread-budget.ts).
    const proc = utilityProcess.fork(options.entry, [], { serviceName: 'Shoebox engine', stdio: 'inherit', env: threadpoolEnv() });
    const engine: Engine = { proc, ready: false, exited: new Promise((resolve) => proc.once('exit', () => resolve())) };
    child = engine;
    port = port2;
    const hello = new Promise<void>((resolve, reject) => {
      port2.on('message', ({ data }) => {
        const message = data as EngineHello | object;
        if ('type' in message && message.type === 'ready') {
          engine.ready = true;
          return resolve();
        }
        if ('type' in message && message.type === 'fatal') return reject(new RemoteError(message.error));
        rpc.receive(message);
      });
      proc.once('exit', (code) => {
        reject(new Error(`the engine process exited (code ${code}) before it was ready`));
        onExit(engine, code);
      });
    });
    port2.start();
    const start: EngineStart = { type: 'start', options: { home: options.home, provider: options.provider ?? 'auto', ...library } };
    proc.postMessage(start, [port1]);
    return hello;
  };

  /** Makes `launching` the current start; its failure is remembered only while it still is. */
  const track = (launching: Promise<void>): Promise<void> => {
    const attempt: Promise<void> = launching.catch((error: unknown) => {
      // A newer start (a restart) may be under way: an older one's error must not block it.
      if (ready === attempt) fatal = { error: toError(error), at: Date.now() };
      throw toError(error);
    });
    ready = attempt;
    return attempt;
  };

  const onExit = (engine: Engine, code: number): void => {
    if (child !== engine) return;
    child = null;
    port?.close();
    port = null;
    rpc.failAll(new Error(`the engine stopped (exit code ${code})`));
    // Before its hello it is a failed start (its `ready` rejects, and fatal holds the next
    // try back a few seconds): restarting here would fork again at once, every time.
    if (!engine.ready || engine.stopping || disposing) return;
    ready = null;
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0]! < now - 60_000) restarts.shift();
    if (restarts.length > (options.maxRestarts ?? 3)) {
      fatal = { error: new Error(`the engine keeps stopping (exit code ${code}); restart Shoebox`), at: Infinity };
      emit({ type: 'log', level: 'error', message: fatal.error.message });
      return;
    }
    // The page is told what happened once it is known: restarted, or not. Its jobs died with
    // it and the new engine's list lacks them: said here, or they would just vanish.
    void ensureReady().then(
      () => {
        emit({ type: 'log', level: 'error', message: `The engine stopped unexpectedly (exit code ${code}) and was restarted; jobs that were running (indexing, an import, a download) stopped.` });
        emit({ type: 'folders-changed' });
        emit({ type: 'photos-changed', added: 0, removed: 0 });
      },
      (error: unknown) => emit({ type: 'log', level: 'error', message: `The engine stopped unexpectedly (exit code ${code}) and could not start again: ${toError(error).message}` }),
    );
  };

  const ensureReady = (): Promise<void> => {
    if (disposing) return Promise.reject(closing());
    if (fatal) {
      if (Date.now() - fatal.at < RETRY_FATAL_MS) return Promise.reject(fatal.error);
      fatal = null;
      ready = null;
    }
    return ready ?? track(launch());
  };

  const call = async (method: string, params: unknown[]): Promise<unknown> => {
    await ensureReady();
    return rpc.call(method, params);
  };

  const api = libraryApiOverRpc({ call, onEvent: (listener) => rpc.onEvent(listener) });

  /** Asks the engine to close the library (jobs cancelled, writes flushed, lock released) and
   *  waits for it to exit; kills it if it does not. Once per engine, whoever asks. A starting
   *  engine gets the request too: its port queues it until it serves, then it closes. */
  const stopChild = (engine: Engine): Promise<void> =>
    (engine.stopping ??= (async () => {
      if (child === engine) rpc.call(HOST_METHODS.shutdown, []).catch(() => {});
      if (await within(engine.exited, STOP_TIMEOUT_MS)) return;
      engine.proc.kill();
      await within(engine.exited, STOP_TIMEOUT_MS);
      if (child === engine) child = null; // never confirmed: do not wait on it forever
    })());

  return {
    api,
    readImage: (id, kind) => call(HOST_METHODS.readImage, [id, kind]) as Promise<ImageFile | null>,
    readVideo: (id, range) => call(HOST_METHODS.readVideo, [id, range]) as Promise<VideoPiece | null>,
    async copyLibrary({ library, s3 }) {
      if (!library) throw new Error('copy the library to a folder or an S3 bucket, not to the data folder');
      return call(HOST_METHODS.copyLibrary, [library, s3 ?? null]) as Promise<CopyReport>;
    },
    async restart() {
      if (disposing) throw closing();
      fatal = null;
      restarts.length = 0;
      // One switch at a time (Save clicked twice, two windows): each waits for the one
      // before, and calls made meanwhile wait for the newest engine.
      restarting = track(restarting.catch(() => {}).then(launch));
      await restarting;
      emit({ type: 'folders-changed' });
      emit({ type: 'photos-changed', added: 0, removed: 0 });
    },
    async dispose() {
      if (disposing) return;
      disposing = true;
      // The engine running now, a starting one too, is asked to stop; launch() forks no
      // other from here on, so a pending restart settles (refused) and is waited for.
      if (child) await stopChild(child);
      await restarting.catch(() => {});
    },
  };
}
