// `shoebox models list | install ID | import DIR | remove ID | use ID`: a thin shell over
// ModelManager. With --json each prints exactly one JSON document on stdout; download
// progress goes to stderr, and only when a person is watching (a TTY).
import type { Command } from 'commander';
import { resolveHome } from '../../core/home';
import { ModelManager, type ModelSummary } from '../../core/models/model-manager';
import { ModelError } from '../../core/models/model-error';
import { DEFAULT_MODEL_ID, findCatalogEntry, type ModelBenchmark } from '../../core/models/catalog';
import type { DownloadProgress } from '../../core/models/download';
import { UsageError, printJson, printLine } from '../output';
import type { GlobalOptions } from '../global-options';
import { libraryFor } from '../library-options';

interface JsonOption {
  json?: boolean;
}

function managerFor(cmd: Command, endpoint?: string): ModelManager {
  const globals = cmd.optsWithGlobals<GlobalOptions>();
  return new ModelManager({ home: resolveHome(globals.home), endpoint });
}

/** Mistakes in what the user typed (an unknown or malformed id) exit 2, like other usage errors. */
async function run<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ModelError && (err.code === 'unknown-model' || err.code === 'invalid-id')) throw new UsageError(err.message);
    throw err;
  }
}

export function registerModels(program: Command): void {
  const models = program.command('models').description('list, download, import, remove and choose CLIP models');

  models
    .command('list')
    .description('show catalog and imported models, which are installed and which is active')
    .option('--json', 'print one JSON document')
    .action(async (opts: JsonOption, cmd: Command) => {
      const list = (await run(() => managerFor(cmd).list())).map(withFigures);
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
      const manager = managerFor(cmd, opts.endpoint);
      const progress = progressDisplay();
      const controller = new AbortController();
      const onInterrupt = () => controller.abort();
      process.once('SIGINT', onInterrupt);
      try {
        const result = await run(() => manager.install(id, { onProgress: progress.update, signal: controller.signal }));
        progress.end();
        if (opts.json) return printJson(result);
        if (result.alreadyInstalled) printLine(`${id} is already installed in ${result.dir}`);
        else printLine(`installed ${id} (${formatBytes(result.bytes)}, ${result.files} files) in ${result.dir}`);
        if (result.activated) printLine(`${id} is now the active model`);
      } finally {
        progress.end();
        process.off('SIGINT', onInterrupt);
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
        const result = await run(() => managerFor(cmd).import(dir, { id: opts.id, onProgress: progress.update }));
        progress.end();
        if (opts.json) return printJson(result);
        printLine(`imported ${result.id} (${result.layout} layout, ${formatBytes(result.bytes)}) into ${result.dir}`);
        if (result.activated) printLine(`${result.id} is now the active model`);
      } finally {
        progress.end();
      }
    });

  models
    .command('remove')
    .description('delete an installed model (and any unfinished download of it)')
    .argument('<id>', 'model id')
    .option('--json', 'print one JSON document')
    .action(async (id: string, opts: JsonOption, cmd: Command) => {
      const result = await run(() => managerFor(cmd).remove(id));
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
      const result = await run(() => managerFor(cmd).use(id));
      // Search only finds photos embedded with the active model: say what is missing.
      const library = libraryFor(cmd, {}, 'shoebox models use', opts.index === true);
      try {
        const index = opts.index ? await library.index() : undefined;
        const { pending } = await library.status();
        if (opts.json) return printJson({ ...result, pending, ...(index ? { index } : {}) });
        printLine(`${id} is now the active model`);
        if (index) printLine(`embedded ${index.embedded} photos with ${id} (${index.failed.length} failed, ${index.seconds.toFixed(1)} s)`);
        if (pending > 0) printLine(`${pending} photos in your folders are not embedded with ${id} yet: search finds them after "shoebox index" (or "shoebox models use ${id} --index")`);
      } finally {
        await library.close();
      }
    });
}

type ListedModel = ModelSummary & { default: boolean; benchmark: ModelBenchmark | null; catalogSource: string | null };

/** A catalog model's published figures and their source, beside what the manager knows. */
function withFigures(m: ModelSummary): ListedModel {
  const entry = m.source === 'catalog' ? findCatalogEntry(m.id) : undefined;
  return { ...m, default: entry?.id === DEFAULT_MODEL_ID, benchmark: entry?.benchmark ?? null, catalogSource: entry?.source ?? null };
}

function formatList(list: ListedModel[]): string[] {
  const rows = list.map((m) => [
    m.active ? '*' : ' ',
    m.id,
    m.installed ? 'installed' : m.partial ? 'partial' : '-',
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
  // What the figures are, so nobody mistakes them for measurements of this computer.
  const sources = [...new Set(list.flatMap((m) => (m.benchmark ? [m.benchmark.source] : [])))];
  if (sources.length === 0) return table;
  return [
    ...table,
    '',
    'RECALL: Crossmodal-3600 text-to-image recall in English (mean of R@1/5/10; other languages in --json);',
    "TIME: ms per inference and MEMORY: peak MiB on the publisher's CPU, for comparing models. Source:",
    ...sources.map((source) => `  ${source}`),
  ];
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit++;
  } while (value >= 1000 && unit < units.length - 1);
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** One rewritten stderr line, at most ten times a second, only on a TTY. */
function progressDisplay(): { update(p: DownloadProgress): void; end(): void } {
  const tty = Boolean(process.stderr.isTTY);
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(p) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && p.bytesDone < p.bytesTotal) return;
      last = now;
      shown = true;
      const pct = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 0;
      const rate = p.bytesDone / Math.max(1e-3, (now - start) / 1000);
      const width = process.stderr.columns ?? 100;
      const line = `${pct}%  ${formatBytes(p.bytesDone)} / ${formatBytes(p.bytesTotal)}  ${formatBytes(rate)}/s  ${p.file}`;
      process.stderr.write(`\r${line.slice(0, Math.max(10, width - 1)).padEnd(Math.max(10, width - 1))}`);
    },
    end() {
      if (shown) process.stderr.write('\n');
      shown = false;
    },
  };
}
