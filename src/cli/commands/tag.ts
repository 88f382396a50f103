// `shoebox tag` (classify a folder against a label set, optionally into XMP sidecars),
// `shoebox tags ...` (read tags, accept/reject them, auto-tagged folders) and
// `shoebox labels ...` (the label sets in the library). The work is TaggingService's.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT_FAILURE, UsageError, printJson, printLine } from '../output';
import { libraryFor, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import type { LibraryService } from '../../core/library/library-service';
import { TaggingService, WHOLE_LIBRARY, type PhotoTags } from '../../core/tags/tagging-service';
import { LabelSetError, type LabelSet } from '../../core/tags/label-set';
import { builtinLabelSets, resolveLabelSetFile } from '../../core/tags/builtin-label-sets';
import type { TagState } from '../../core/store/types';

type TagCliOptions = LibraryCommandOptions & { labels?: string; set?: string; all?: boolean; writeXmp?: boolean; once?: boolean };

const round = (x: number) => Number(x.toFixed(6));

/** Imports the set in a file (or a shipped set by name); an invalid file is a usage error. */
async function importLabels(tagging: TaggingService, value: string): Promise<LabelSet> {
  const file = resolveLabelSetFile(value);
  if (!file) throw new UsageError(`label set file not found: ${value} (shipped sets: ${builtinLabelSets().join(', ') || 'none'})`);
  try {
    return await tagging.importLabelSet(fs.readFileSync(file, 'utf8'), path.basename(file));
  } catch (error) {
    if (error instanceof LabelSetError) throw new UsageError(error.message);
    throw error;
  }
}

/** Runs `fn` with the library and its tagging service; closes both. */
async function withTagging<T>(cmd: Command, opts: LibraryCommandOptions, command: string, fn: (tagging: TaggingService, library: LibraryService) => Promise<T>, progress = false): Promise<T> {
  const library = libraryFor(cmd, opts, command, progress);
  try {
    return await fn(new TaggingService(library), library);
  } finally {
    await library.close();
  }
}

function printPhotoTags(results: PhotoTags[], json: boolean | undefined, detail: boolean): void {
  if (json) {
    printJson(
      results.map((r) => ({
        path: r.path,
        tags: r.tags.map((t) => (detail ? { label: t.label, set: t.set, score: round(t.score), state: t.state } : { label: t.label, score: round(t.score) })),
      })),
    );
    return;
  }
  for (const r of results) printLine(`${r.path}\t${r.tags.map((t) => `${t.label} (${t.score.toFixed(2)}${t.state === 'accepted' ? ', accepted' : ''})`).join(', ')}`);
}

/** Indexes the folder first when it is not in the library yet (adding it, like `shoebox index`). */
async function ensureIndexed(library: LibraryService, folder: string): Promise<void> {
  const abs = path.resolve(folder);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) throw new UsageError(`not a folder: ${abs}`);
  const folders = await library.listFolders();
  const inside = folders.some((f) => abs === f.path || abs.startsWith(f.path.endsWith(path.sep) ? f.path : f.path + path.sep));
  if (!inside) await library.index([abs]);
}

export function registerTag(program: Command): void {
  withLibraryOptions(program.command('tag'))
    .description('tag the photos of a folder with a label set (zero-shot CLIP); photos indexed there later are tagged too')
    .argument('[folder]', 'folder to tag (indexed first, and added to the library, if it is not in it)')
    .option('--labels <file>', 'label set JSON file to import and use (or the name of a shipped set: shoebox labels list --shipped)')
    .option('--set <name>', 'label set already in the library')
    .option('--all', 'tag the whole library instead of one folder')
    .option('--write-xmp', 'write the tags into XMP sidecars (<photo>.xmp), merged with what they hold')
    .option('--once', 'do not tag photos indexed in this folder later')
    .addHelpText('after', '\nWith --json: [{"path", "tags": [{"label", "score"}]}] for every photo of the folder, ordered by path.')
    .action(async (folder: string | undefined, opts: TagCliOptions, cmd: Command) => {
      if (!opts.labels === !opts.set) throw new UsageError('give exactly one of --labels FILE and --set NAME');
      if (!folder === !opts.all) throw new UsageError('give a folder or --all');
      await withTagging(
        cmd,
        opts,
        'shoebox tag',
        async (tagging, library) => {
          const set = opts.labels ? await importLabels(tagging, opts.labels) : await tagging.labelSet(opts.set!);
          if (folder) await ensureIndexed(library, folder);
          const results = await tagging.tagFolder(set.name, folder, { remember: !opts.once });
          printPhotoTags(results, opts.json, false);
          if (opts.writeXmp) {
            const report = tagging.writeSidecars(results, [set.name]);
            for (const f of report.failed) process.stderr.write(`shoebox: ${f.path}: ${f.error}\n`);
            if (report.failed.length) process.exitCode = EXIT_FAILURE;
            if (!opts.json) printLine(`XMP sidecars: ${report.written} written, ${report.unchanged} unchanged, ${report.failed.length} failed`);
          }
        },
        true,
      );
    });

  const tags = program.command('tags').description('read tags, accept or reject them, and the auto-tagged folders');
  withLibraryOptions(tags.command('list'))
    .description('photos with their tags (rejected ones left out)')
    .argument('[folder]', 'only photos under this folder')
    .option('--set <name>', 'only tags of this label set')
    .action(async (folder: string | undefined, opts: TagCliOptions, cmd: Command) => {
      await withTagging(cmd, opts, 'shoebox tags list', async (tagging) => {
        const results = await tagging.photoTags({ ...(folder ? { folder } : {}), ...(opts.set ? { set: opts.set } : {}) });
        printPhotoTags(results, opts.json, true);
      });
    });

  const decision = (name: string, state: TagState, description: string) =>
    withLibraryOptions(tags.command(name))
      .description(description)
      .argument('<photo>', 'a photo in the library')
      .argument('<label>', 'the label')
      .option('--set <name>', 'the label set (needed when several sets have the label)')
      .action(async (photo: string, label: string, opts: TagCliOptions, cmd: Command) => {
        await withTagging(cmd, opts, `shoebox tags ${name}`, async (tagging) => {
          let d;
          try {
            d = await tagging.setTagState(photo, label, state, opts.set);
          } catch (error) {
            if (error instanceof LabelSetError) throw new UsageError(error.message);
            throw error;
          }
          // Sidecars the set wrote before follow the decision; one that could not be updated is named.
          for (const f of d.sidecars.failed) process.stderr.write(`shoebox: XMP sidecar not updated: ${f.path}: ${f.error}\n`);
          if (d.sidecars.failed.length) process.exitCode = EXIT_FAILURE;
          if (opts.json) return printJson({ ...d, score: round(d.score) });
          printLine(`${d.path}: ${d.set}/${d.label} ${d.state}`);
          if (d.sidecars.written) printLine(`XMP sidecars updated: ${d.sidecars.written}`);
        });
      });
  decision('accept', 'accepted', 'accept a tag: the photo keeps it, and the label learns from the photo');
  decision('reject', 'rejected', 'reject a tag: the photo loses it for good, and the label learns from the photo');
  decision('forget', 'auto', 'forget an accept/reject decision: the classifier decides again');

  withLibraryOptions(tags.command('find'))
    .description('paths of the photos with a label (auto or accepted)')
    .argument('<label>', 'the label')
    .option('--set <name>', 'only this label set')
    .action(async (label: string, opts: TagCliOptions, cmd: Command) => {
      await withTagging(cmd, opts, 'shoebox tags find', async (tagging) => {
        const paths = await tagging.pathsWithTag(label, opts.set);
        if (opts.json) return printJson(paths);
        for (const p of paths) printLine(p);
      });
    });

  withLibraryOptions(tags.command('folders'))
    .description('folders whose newly indexed photos are tagged, with their label sets')
    .action(async (opts: TagCliOptions, cmd: Command) => {
      await withTagging(cmd, opts, 'shoebox tags folders', async (tagging) => {
        const list = (await tagging.autoTagFolders()).map((f) => ({ folder: f.folder === WHOLE_LIBRARY ? null : f.folder, set: f.set }));
        if (opts.json) return printJson(list);
        for (const f of list) printLine(`${f.folder ?? '(whole library)'}\t${f.set}`);
      });
    });

  withLibraryOptions(tags.command('stop'))
    .description('stop tagging newly indexed photos of a folder (its tags stay)')
    .argument('[folder]', 'the folder (none with --all)')
    .option('--all', 'the whole-library entry')
    .option('--set <name>', 'only this label set')
    .action(async (folder: string | undefined, opts: TagCliOptions, cmd: Command) => {
      if (!folder === !opts.all) throw new UsageError('give a folder or --all');
      await withTagging(cmd, opts, 'shoebox tags stop', async (tagging) => {
        await tagging.stopAutoTagging(folder ?? WHOLE_LIBRARY, opts.set);
        if (opts.json) return printJson({ stopped: folder ? path.resolve(folder) : null, set: opts.set ?? null });
        printLine(`stopped auto-tagging ${folder ? path.resolve(folder) : 'the whole library'}`);
      });
    });

  registerLabels(program);
}

function registerLabels(program: Command): void {
  const labels = program.command('labels').description('the label sets in the library');
  withLibraryOptions(labels.command('list'))
    .description('label sets in the library (or shipped with Shoebox, with --shipped)')
    .option('--shipped', 'list the sets shipped with Shoebox instead')
    .action(async (opts: LibraryCommandOptions & { shipped?: boolean }, cmd: Command) => {
      if (opts.shipped) {
        const names = builtinLabelSets();
        if (opts.json) return printJson(names);
        for (const n of names) printLine(n);
        return;
      }
      await withTagging(cmd, opts, 'shoebox labels list', async (tagging) => {
        const sets = await tagging.listLabelSets();
        if (opts.json) return printJson(sets.map((s) => ({ name: s.name, labels: s.labels.length, threshold: s.threshold, margin: s.margin })));
        for (const s of sets) printLine(`${s.name}\t${s.labels.length} labels\tthreshold ${s.threshold}, margin ${s.margin}`);
      });
    });

  withLibraryOptions(labels.command('show'))
    .description('print a label set as JSON (the import format)')
    .argument('<name>', 'label set')
    .action(async (name: string, opts: LibraryCommandOptions, cmd: Command) => {
      await withTagging(cmd, opts, 'shoebox labels show', async (tagging) => {
        process.stdout.write(opts.json ? `${JSON.stringify(JSON.parse(await tagging.exportLabelSet(name)))}\n` : await tagging.exportLabelSet(name));
      });
    });

  withLibraryOptions(labels.command('import'))
    .description('import label sets from JSON files (or shipped sets by name), replacing sets of the same name')
    .argument('<file...>', '{"name", "labels": [string | {"name", "prompts"}], "threshold"?, "margin"?}')
    .action(async (files: string[], opts: LibraryCommandOptions, cmd: Command) => {
      await withTagging(cmd, opts, 'shoebox labels import', async (tagging) => {
        const imported = [];
        for (const file of files) imported.push(await importLabels(tagging, file));
        if (opts.json) return printJson(imported.map((s) => ({ name: s.name, labels: s.labels.length })));
        for (const s of imported) printLine(`imported ${s.name} (${s.labels.length} labels)`);
      });
    });

  withLibraryOptions(labels.command('export'))
    .description('write a label set as JSON to a file, or to stdout')
    .argument('<name>', 'label set')
    .argument('[file]', 'destination (default: stdout)')
    .action(async (name: string, file: string | undefined, opts: LibraryCommandOptions, cmd: Command) => {
      await withTagging(cmd, opts, 'shoebox labels export', async (tagging) => {
        const text = await tagging.exportLabelSet(name);
        if (!file) return void process.stdout.write(opts.json ? `${JSON.stringify(JSON.parse(text))}\n` : text);
        fs.writeFileSync(file, text);
        if (opts.json) return printJson({ name, file: path.resolve(file) });
        printLine(`wrote ${path.resolve(file)}`);
      });
    });

  withLibraryOptions(labels.command('remove'))
    .description('remove a label set with its tags and decisions (XMP sidecars are not touched)')
    .argument('<name>', 'label set')
    .action(async (name: string, opts: LibraryCommandOptions, cmd: Command) => {
      await withTagging(cmd, opts, 'shoebox labels remove', async (tagging) => {
        await tagging.removeLabelSet(name);
        if (opts.json) return printJson({ removed: name });
        printLine(`removed label set ${name}`);
      });
    });
}
