// Entry of the engine process (built to out/main/engine.js; main forks it with
// utilityProcess.fork). The library, LanceDB, sharp and the ONNX Runtime worker live here,
// outside the window's main process: a long inference never freezes the window and a
// native crash takes down this process only (engine-host.ts restarts it).
//
// It never imports 'electron': a utility process gets its parent port as process.parentPort.
import { createLibraryApi } from '../core/index';
import type { EngineStart } from './engine-protocol';
import { reportFatal, serveEngineOnPort, type PortLike } from './engine-port';
import { trashDirSetting } from '../shared/trash-dir-setting';

interface ParentPortLike {
  once(event: 'message', listener: (message: { data: unknown; ports: PortLike[] }) => void): unknown;
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!parentPort) throw new Error('engine-process must run as an Electron utility process');

parentPort.once('message', ({ data, ports }) => {
  const start = data as EngineStart;
  const port = ports[0];
  if (start?.type !== 'start' || !port) {
    process.exit(2);
    return;
  }
  const { home, provider, library, s3 } = start.options;
  createLibraryApi({
    home,
    provider,
    ...(library ? { library } : {}),
    ...(s3 ? { s3 } : {}),
    command: 'Shoebox (desktop app)',
    readWithoutModel: true,
    preloadSearch: true,
    // "Move to trash" goes where it goes under `serve` and the CLI: SHOEBOX_TRASH_DIR, read as
    // they read it (the engine inherits the app's environment: engine-host.ts forks it with it).
    ...trashDirSetting(process.env),
  }).then(
    (host) => serveEngineOnPort(port, host, () => process.exit(0)),
    (error: unknown) => {
      reportFatal(port, error);
      setTimeout(() => process.exit(1), 100);
    },
  );
});
