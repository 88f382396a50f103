// `shoebox models list | install ID | import DIR | remove ID | use ID`: a thin shell over the
// core's model shelf (src/core/api/model-shelf.ts, no library open) and, for `use`, the
// library host's switchModel, the app's useModel flow. With --json each prints exactly one
// JSON document on stdout; download progress goes to stderr, and only when a person is
// watching (a TTY).
import type { Command } from 'commander';
import { formatBytes } from '../../shared/bytes-text';
import { statusLine } from '../../base/status-line';
import type { DownloadProgress, InstallResult, LibraryHost, ListedModel, ModelError, ModelShelf } from '../../core/index';
import { UsageError, printJson, printLine, printable } from '../output';
import { libraryChoice, type GlobalOptions } from '../global-options';
import { progressBar } from '../progress-bar';
import { EXIT_INTERRUPTED, stopOnSignals } from '../stop-signals';
import { countText } from '../../shared/count-text';

interface JsonOption {
  json?: boolean;
}

async function shelfFor(cmd: Command, endpoint?: string): Promise<ModelShelf> {
  const globals = cmd.optsWithGlobals<GlobalOptions>();
  const { openModelShelf, resolveHome } = await import('../../core/index');
  return openModelShelf(resolveHome(globals.home), endpoint);
}

/**
 * Mistakes in what the user typed (an unknown or malformed id; a hub URL, from --endpoint or
 * SHOEBOX_HF_ENDPOINT / HF_ENDPOINT, that is none or holds a password) exit 2, like other
 * usage errors; so do the codes in `alsoUsage` for the command at hand.
 */
async function run<T>(work: () => T | Promise<T>, alsoUsage: readonly ModelError['code'][] = []): Promise<T> {
  const { ModelError } = await import('../../core/index');
  try {
    return await work();
  } catch (err) {
    if (err instanceof ModelError && (err.code === 'unknown-model' || err.code === 'invalid-id' || err.code === 'bad-endpoint' || alsoUsage.includes(err.code))) throw new UsageError(err.message);
    throw err;
  }
}

/** `import`'s id (--id, or the folder's name) naming an installed model: a name clash to fix in
 *  the command, exit 2 as the same id in another case is (invalid-id), not a failure (1). */
const IMPORT_NAME_CLASH: readonly ModelError['code'][] = ['already-exists'];

/** The library host even when no model is active yet (`models use` picks one), with the
 *  engine's log lines and indexing progress on stderr. */
async function hostWithoutModel(cmd: Command, command: string, showProgress: boolean): Promise<{ api: LibraryHost; close(): Promise<void> }> {
  const globals = cmd.optsWithGlobals<GlobalOptions>();
  const { createLibraryApi, parseProvider } = await import('../../core/index');
  const api = await createLibraryApi({ ...(globals.home ? { home: globals.home } : {}), ...libraryChoice(globals), provider: parseProvider(globals.provider), command, watch: false, writerLock: 'on-write' });
  const bar = progressBar(showProgress);
  const unsubscribe = api.subscribe((event) => {
    if (event.type === 'index-progress') bar.update(event.progress);
    else if (event.type === 'log') bar.note(`shoebox: ${printable(event.message)}`);
  });
  return {
    api,
    async close() {
      unsubscribe();
      bar.end();
      await api.close();
    },
  };
}

export function registerModels(program: Command): void {
  const models = program.command('models').description('list, download, import, remove and choose CLIP models');

  models
    .command('list')
    .description('show catalog and imported models, which are installed and which is active')
    .option('--json', 'print one JSON document')
    .action(async (opts: JsonOption, cmd: Command) => {
      const shelf = await shelfFor(cmd);
      const list = await run(() => shelf.list());
      // The model settings name but cannot be used: said as status and search say it, or the
      // list (none active) would leave the user guessing why.
      const problem = shelf.activeProblem();
      if (problem !== null) process.stderr.write(`shoebox: ${printable(problem)}\n`);
      if (opts.json) return printJson({ models: list });
      for (const line of formatList(list)) printLine(line);
    });

  models
    .command('install')
    .description('download a catalog model from Hugging Face (resumable, verified)')
    .argument('<id>', 'catalog id, as shown by "shoebox models list"')
    .option('--endpoint <url>', 'Hugging Face–compatible hub or mirror (default: $SHOEBOX_HF_ENDPOINT, else https://huggingface.co)')
    .option('--json', 'print one JSON document')
    .action(async (id: string, opts: JsonOption & { endpoint?: string }, cmd: Command) => {
      const shelf = await shelfFor(cmd, opts.endpoint);
      const progress = progressDisplay();
      const stop = stopOnSignals();
      try {
        let result: InstallResult;
        try {
          result = await run(() => shelf.install(id, { onProgress: progress.update, signal: stop.signal }));
        } catch (error) {
          if (!stop.signal.aborted) throw error;
          // Ctrl-C / SIGTERM: the download stops, what was fetched is kept; 130, as index, import and copy-library.
          progress.end();
          process.stderr.write('shoebox: download cancelled; finished bytes are kept, install again to resume\n');
          process.exitCode = EXIT_INTERRUPTED;
          return;
        }
        progress.end();
        if (opts.json) return printJson(result);
        if (result.alreadyInstalled) printLine(`${id} is already installed in ${result.dir}`);
        else printLine(`installed ${id} (${formatBytes(result.bytes)}, ${result.files} files) in ${result.dir}`);
        if (result.activated) printLine(`${id} is now the active model`);
      } finally {
        progress.end();
        stop.release();
      }
    });

  models
    .command('import')
    .description('copy a model folder in Immich or Transformers.js layout into the data folder')
    .argument('<dir>', 'the model folder')
    .option('--id <id>', 'name for it (default: the folder name)')
    .option('--json', 'print one JSON document')
    .action(async (dir: string, opts: JsonOption & { id?: string }, cmd: Command) => {
      const progress = progressDisplay();
      try {
        const shelf = await shelfFor(cmd);
        const result = await run(() => shelf.import(dir, { ...(opts.id !== undefined ? { id: opts.id } : {}), onProgress: progress.update }), IMPORT_NAME_CLASH);
        progress.end();
        if (opts.json) return printJson(result);
        printLine(`imported ${result.id} (${result.layout} layout, ${formatBytes(result.bytes)}) into ${result.dir}`);
        if (result.activated) printLine(`${result.id} is now the active model`);
        for (const u of result.keptElsewhere ?? []) printLine(earlierBuildLine(u, result.id));
      } finally {
        progress.end();
      }
    });

  models
    .command('remove')
    .description('delete an installed model (and any unfinished download of it)')
    .argument('<id>', 'model id')
    .option('--force', 'remove it even while a running shoebox serve, watch or the app has it loaded')
    .option('--json', 'print one JSON document')
    .action(async (id: string, opts: JsonOption & { force?: boolean }, cmd: Command) => {
      const shelf = await shelfFor(cmd);
      const result = await run(() => shelf.remove(id, { force: opts.force === true }));
      if (opts.json) return printJson(result);
      printLine(result.removed ? `removed ${id}` : `removed the unfinished download of ${id}`);
      if (result.wasActive) printLine('it was the active model; no model is active now ("shoebox models use ID" picks one)');
    });

  models
    .command('use')
    .description('make an installed model the active one; each model has its own embeddings of the library')
    .argument('<id>', 'model id')
    .option('--index', 'embed the library\'s photos with it now (else the next `shoebox index`, `watch` or `serve` does)')
    .option('--json', 'print one JSON document')
    .action(async (id: string, opts: JsonOption & { index?: boolean }, cmd: Command) => {
      // The app's switch (useModel): the CLI only chooses when the library is embedded with
      // the new model: now (--index, awaited) or at the next `shoebox index`.
      const library = await hostWithoutModel(cmd, 'shoebox models use', opts.index === true);
      try {
        const { status: _status, ...result } = await run(() => library.api.switchModel(id, opts.index ? 'now' : 'later'));
        const { index, pending } = result;
        if (opts.json) return printJson(result);
        printLine(`${id} is now the active model`);
        // A running serve or app does not reread settings.json: say so rather than leave its page searching with the old model.
        const { modelKeptElsewhere, resolveHome } = await import('../../core/index');
        for (const u of await modelKeptElsewhere(resolveHome(cmd.optsWithGlobals<GlobalOptions>().home), id)) {
          // Under the id itself: the earlier build of it, replaced on disk since that process opened it.
          printLine(u.modelId === id ? earlierBuildLine(u, id) : `process ${u.pid} (${u.command}) keeps ${u.modelId} until it is restarted`);
        }
        if (index) printLine(`embedded ${countText(index.embedded, 'photo')} with ${id} (${index.failed.length} failed, ${index.seconds.toFixed(1)} s)`);
        if (pending) printLine(`${countText(pending, 'photo')} in your folders ${pending === 1 ? 'is' : 'are'} not embedded with ${id} yet: search finds them after "shoebox index" (or "shoebox models use ${id} --index")`);
      } finally {
        await library.close();
      }
    });
}

/** A process that opened `id` before its folder was replaced: it keeps that build, and refuses to embed with this one. */
function earlierBuildLine(user: { pid: number; command: string }, id: string): string {
  return `process ${user.pid} (${user.command}) keeps the earlier build of ${id} until it is restarted, and embeds nothing meanwhile`;
}

function formatList(list: ListedModel[]): string[] {
  const rows = list.map((m) => [
    m.active ? '*' : ' ',
    m.id,
    m.installed ? 'installed' : m.problem !== undefined ? 'broken' : m.partial ? 'partial' : '-',
    m.installed && m.bytes !== undefined ? formatBytes(m.bytes) : m.approxBytes !== undefined ? `~${formatBytes(m.approxBytes)}` : '',
    (m.languages ?? []).join(','),
    m.benchmark?.recall.en !== undefined ? `${m.benchmark.recall.en.toFixed(1)}%` : '',
    m.benchmark ? `${m.benchmark.ms} ms` : '',
    m.benchmark ? `${m.benchmark.memoryMiB} MiB` : '',
    m.description ?? (m.importedFrom ? `imported from ${m.importedFrom}` : 'imported'),
  ]);
  const header = [' ', 'ID', 'STATUS', 'SIZE', 'LANG', 'RECALL', 'TIME', 'MEMORY', 'DESCRIPTION'];
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => row[col]!.length)));
  const table = all.map((row) =>
    row
      .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col]!)))
      .join('  ')
      .trimEnd(),
  );
  // Why a folder here is not a whole model, and the fix (remove it, then bring it again).
  const broken = list.flatMap((m) => (m.problem !== undefined ? [`  ${printable(m.problem)}`] : []));
  // What the figures are, so nobody mistakes them for measurements of this computer.
  const sources = [...new Set(list.flatMap((m) => (m.benchmark ? [m.benchmark.source] : [])))];
  if (sources.length === 0) return [...table, ...broken];
  return [
    ...table,
    ...broken,
    '',
    'RECALL: Crossmodal-3600 text-to-image recall in English (mean of R@1/5/10; other languages in --json);',
    "TIME: ms per inference and MEMORY: peak MiB on the publisher's CPU, for comparing models. Source:",
    ...sources.map((source) => `  ${source}`),
  ];
}

/** One rewritten stderr line, at most ten times a second, only on a TTY. */
function progressDisplay(): { update(p: DownloadProgress): void; end(): void } {
  const line = statusLine();
  const start = Date.now();
  return {
    update(p) {
      const pct = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 0;
      const rate = p.bytesDone / Math.max(1e-3, (Date.now() - start) / 1000);
      line.show(`${pct}%  ${formatBytes(p.bytesDone)} / ${formatBytes(p.bytesTotal)}  ${formatBytes(rate)}/s  ${p.file}`, p.bytesDone >= p.bytesTotal);
    },
    end: () => line.end(),
  };
}
