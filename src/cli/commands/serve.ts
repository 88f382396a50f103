// `shoebox serve [--port N]`: the library and its UI in a browser, on this machine only
// (src/server). Prints the URL to open, access token included, as its first stdout line;
// stops cleanly (jobs cancelled, writes flushed, writer lock released) on Ctrl-C.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { libraryChoice, type GlobalOptions } from '../global-options';
import { UsageError, printLine, printable } from '../output';
import { listenOnServePort } from '../serve-port';
import { trashDirSetting } from '../../shared/trash-dir-setting';
import { SERVE_NO_FOLDERS_YET, WATCH_NO_FOLDERS_YET } from '../../shared/no-folders-yet';
import { checkUiDirVariable } from '../ui-dir-variable';

interface ServeOptions {
  port?: string;
  model?: string;
  modelDir?: string;
  watch: boolean;
}

/** The package root: the nearest folder above this module with a package.json (this file is
 *  <root>/src/cli/commands/serve.ts from the sources, a chunk in <root>/out/cli when built). */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the library and its UI on http://127.0.0.1 (prints the URL to open, with its access token)')
    .option('--port <n>', 'port to listen on; 0: any free port (default: the one it used last for this data folder, else any free port)')
    .option('--model <id>', 'installed model to use (default: the active model)')
    .option('--model-dir <dir>', 'CLIP model folder to use instead of an installed model')
    .option('--no-watch', 'do not follow the folders for changes between indexing jobs')
    .action(async (opts: ServeOptions, cmd: Command) => {
      const port = opts.port === undefined ? null : Number(opts.port);
      if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be an integer from 0 to 65535, got "${opts.port}"`);
      const { assertRendererBuilt, rendererDir } = await import('../../server/static-files');
      const ui = rendererDir(packageRoot());
      // A folder named by SHOEBOX_UI_DIR is the variable's to fix; the default one, the build's.
      if (process.env['SHOEBOX_UI_DIR']) checkUiDirVariable(ui);
      else await assertRendererBuilt(ui);
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const { createLibraryApi, parseProvider, resolveHome, NoModelError } = await import('../../core/index');
      const { startServer } = await import('../../server/server');
      const api = await createLibraryApi({
        ...(globals.home ? { home: globals.home } : {}),
        ...libraryChoice(globals),
        ...(opts.modelDir ? { modelDir: opts.modelDir } : {}),
        ...(opts.model ? { modelId: opts.model } : {}),
        provider: parseProvider(globals.provider),
        watch: opts.watch,
        command: 'shoebox serve',
        // A device without a model still shows the library (a shared one), and offers the install.
        readWithoutModel: true,
        preloadSearch: true,
        // The trash: SHOEBOX_TRASH_DIR, read as the other commands and the app read it.
        ...trashDirSetting(process.env),
      });
      // Told from the start: the watcher starts as the library opens, and its first line (no
      // folders yet) came before a later subscription, so it was said only now and then. Lines
      // wait for the serving line and are said after it.
      const held: string[] = [];
      let holding = true;
      const say = (line: string) => (holding ? held.push(line) : process.stderr.write(line));
      api.subscribe((event) => {
        // The watcher's "no folders yet" points to `shoebox index`; here the page adds folders too.
        if (event.type === 'log') say(`shoebox: ${printable(event.message === WATCH_NO_FOLDERS_YET ? SERVE_NO_FOLDERS_YET : event.message)}\n`);
        if (event.type === 'job' && event.job.state === 'failed') say(`shoebox: ${event.job.kind} ${printable(String(event.job.folder))} failed: ${printable(String(event.job.error))}\n`);
      });
      // A model asked for by name (--model) that is not installed is refused before listening,
      // in the words every command uses (the core's model choice); with none installed at all
      // the library is still served, offering the install. A damaged library is served too:
      // the page offers its repair.
      await api.ready({ toRead: true }).catch(async (error: unknown) => {
        if (!(error instanceof NoModelError)) return;
        await api.close();
        throw error;
      });
      const server = await listenOnServePort(resolveHome(globals.home), port, (at) => startServer({ api, rendererDir: ui, port: at })).catch(async (error: unknown) => {
        await api.close();
        throw error;
      });
      printLine(server.url);
      process.stderr.write(`shoebox: serving ${api.library} on 127.0.0.1:${server.port}; Ctrl-C stops\n`);
      // Another process writes the library: served for searching and viewing until it is done.
      const elsewhere = (await api.status().catch(() => null))?.writerElsewhere;
      if (elsewhere) process.stderr.write(`shoebox: ${printable(elsewhere)}; meanwhile it is served for searching and viewing, and changes are refused\n`);
      holding = false;
      for (const line of held.splice(0)) process.stderr.write(line);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      await api.close();
    });
}
