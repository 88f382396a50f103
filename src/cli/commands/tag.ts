// `shoebox tag` (classify a folder against a label set, optionally into XMP sidecars),
// `shoebox tags ...` (read tags, accept/reject them, auto-tagged folders) and
// `shoebox labels ...` (the label sets in the library). The work is the library host's
// (src/core/api/tags-api.ts), the same calls and label policy as the app's.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { LibraryHost, PhotoTags } from '../../core/index';
import { writeFileAtomicSync } from '../../base/atomic-write';
import type { TagState } from '../../shared/api';
import { EXIT_FAILURE, UsageError, printJson, printLine, printable } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { noPhotoInFolderNote } from '../folder-filter-note';
import { untaggedNote } from './tags-untagged-note';
import { countText } from '../../shared/count-text';

/** An import's answer, with the labels it took out of the set it replaced (the core's report). */
type LabelSetImport = Awaited<ReturnType<LibraryHost['importLabelSetFile']>>;
type LabelsDroppedReport = NonNullable<LabelSetImport['dropped']>;

type TagCliOptions = LibraryCommandOptions & { labels?: string; set?: string; all?: boolean; writeXmp?: boolean; once?: boolean };

const round = (x: number) => Number(x.toFixed(6));

/** A label set or label the user named that cannot work (LabelSetError) is a usage error (exit 2). */
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { LabelSetError } = await import('../../core/index');
    if (error instanceof LabelSetError) throw new UsageError(error.message);
    throw error;
  }
}

/** Runs `fn` with the library host; closes it. `needs` 'read': a reading command, which works
 *  on a device without a model (openCommandLibrary). */
async function withTags<T>(cmd: Command, opts: LibraryCommandOptions, command: string, fn: (api: LibraryHost) => Promise<T>, progress = false, needs: 'model' | 'read' = 'model'): Promise<T> {
  const library = await openCommandLibrary(cmd, opts, command, progress, needs);
  try {
    return await fn(library.api);
  } finally {
    await library.close();
  }
}

/**
 * How a photo's tags are named in text (`tags list`, `tag`, `show`): by label, or "set/label"
 * for each when they come from more than one set ("red (1.00), red (accepted)" would not say
 * which is which).
 */
export function tagNamer(tags: readonly { set: string; label: string }[]): (tag: { set: string; label: string }) => string {
  const several = new Set(tags.map((t) => t.set)).size > 1;
  return (t) => (several ? `${printable(t.set)}/${printable(t.label)}` : printable(t.label));
}

/** A photo's tags on one line: each with its confidence, or "accepted" (the user's word). */
export function tagsText(tags: readonly { set: string; label: string; score: number; state: string }[], name = tagNamer(tags)): string {
  return tags.map((t) => `${name(t)} (${t.state === 'accepted' ? 'accepted' : t.score.toFixed(2)})`).join(', ');
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
  // An accepted tag is the user's word, not a confidence: its score (1 when the model never
  // suggested it) would read as one. --json keeps the score.
  for (const r of results) printLine(`${printable(r.path)}\t${tagsText(r.tags)}`);
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
      await withTags(
        cmd,
        opts,
        'shoebox tag',
        async (api) => {
          const set = opts.labels ? (await asUsage(() => api.importLabelSetFile(opts.labels!))).name : opts.set!;
          if (folder !== undefined) {
            const abs = path.resolve(folder);
            if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) throw new UsageError(`not a folder: ${abs}`);
          }
          // A folder outside the library is indexed (and added) first, as `shoebox index` would.
          const results = await api.tagNow(set, folder === undefined ? null : path.resolve(folder), { remember: !opts.once });
          if (opts.json) printPhotoTags(results, true, false);
          else {
            // As `tags list` prints them: the tagged photos, the others counted on stderr.
            const tagged = results.filter((r) => r.tags.length > 0);
            printPhotoTags(tagged, false, false);
            const untagged = results.length - tagged.length;
            if (untagged > 0) process.stderr.write(`shoebox: ${countText(untagged, 'photo')} with no tag of ${printable(set)} above its threshold not listed\n`);
          }
          if (opts.writeXmp) {
            const report = await api.writeTagSidecars(results, [set]);
            for (const f of report.failed) process.stderr.write(`shoebox: ${printable(f.path)}: ${printable(f.error)}\n`);
            if (report.failed.length) process.exitCode = EXIT_FAILURE;
            if (!opts.json) printLine(`XMP sidecars: ${report.written} written, ${report.unchanged} unchanged, ${report.failed.length} failed`);
          }
        },
        true,
      );
    });

  const tags = program.command('tags').description('read tags, accept or reject them, and the auto-tagged folders');
  withLibraryOptions(tags.command('list'))
    .description('photos with their tags (rejected ones left out); photos without a tag are counted, not listed')
    .argument('[folder]', 'only photos under this folder')
    .option('--set <name>', 'only tags of this label set')
    .addHelpText('after', '\nWith --json: [{"path", "tags": [{"label", "set", "score", "state"}]}] for every photo, untagged ones too (tags []).')
    .action(async (folder: string | undefined, opts: TagCliOptions, cmd: Command) => {
      await withTags(cmd, opts, 'shoebox tags list', async (api) => {
        const results = await api.photoTags({ ...(folder ? { folder } : {}), ...(opts.set ? { set: opts.set } : {}) });
        if (results.length === 0 && folder) await noPhotoInFolderNote(api, folder, `folder ${folder}`);
        if (opts.json) return printPhotoTags(results, true, true);
        // A library of thousands of photos, a few folders tagged: the untagged would bury the
        // tagged under lines with nothing after the path. They are counted on stderr instead.
        const tagged = results.filter((r) => r.tags.length > 0);
        printPhotoTags(tagged, false, true);
        const untagged = results.length - tagged.length;
        // The model in use has embedded nothing yet: only the user's decisions show, and that is
        // why (not a set's threshold, nor folders never tagged).
        const waiting = await api.autoTagsNote();
        if (waiting !== null) process.stderr.write(`shoebox: ${printable(waiting)}\n`);
        if (waiting !== null && tagged.length === 0) return;
        // None tagged at all: the folders already tagged tell "nothing passed" from "never tagged".
        const folders = untagged > 0 && tagged.length === 0 ? await api.autoTagFolders() : [];
        if (untagged > 0) process.stderr.write(`shoebox: ${untaggedNote(untagged, tagged.length, opts.set, folders)}\n`);
      }, false, 'read');
    });

  const decision = (name: string, state: TagState, description: string) =>
    withLibraryOptions(tags.command(name))
      .description(description)
      .argument('<photo>', 'a photo in the library')
      .argument('<label>', 'the label')
      .option('--set <name>', 'the label set (needed when several sets have the label)')
      .action(async (photo: string, label: string, opts: TagCliOptions, cmd: Command) => {
        await withTags(cmd, opts, `shoebox tags ${name}`, async (api) => {
          const d = await asUsage(() => api.decideTag(photo, label, state, opts.set));
          // Sidecars the set wrote before follow the decision; one that could not be updated is named.
          for (const f of d.sidecars.failed) process.stderr.write(`shoebox: XMP sidecar not updated: ${printable(f.path)}: ${printable(f.error)}\n`);
          if (d.sidecars.failed.length) process.exitCode = EXIT_FAILURE;
          if (opts.json) return printJson({ ...d, score: round(d.score) });
          // A decision that changed nothing is said, as `favourites add` says "was a favourite already".
          const tag = `${printable(d.set)}/${printable(d.label)}`;
          // Forgetting says what it forgot ("auto" alone read as a tag the photo now has).
          if (d.was !== d.state) printLine(`${printable(d.path)}: ${tag} ${d.state === 'auto' ? `${d.was === 'accepted' ? 'acceptance' : 'rejection'} forgotten (the classifier decides again)` : d.state}`);
          else printLine(`${printable(d.path)}: ${tag} ${d.state === 'auto' ? 'had no decision to forget' : `was ${d.state} already`}`);
          if (d.sidecars.written) printLine(`XMP sidecars updated: ${d.sidecars.written}`);
        });
      });
  decision('accept', 'accepted', 'accept a tag: the photo keeps it, and the label learns from the photo');
  decision('reject', 'rejected', 'reject a tag: the photo loses it for good, and the label learns from the photo');
  decision('forget', 'auto', 'forget an accept/reject decision: the classifier decides again');

  withLibraryOptions(tags.command('find'))
    .description('paths of the photos with a label (auto or accepted), matched as search --tag matches it (any case)')
    .argument('<label>', 'the label')
    .option('--set <name>', 'only this label set')
    .action(async (label: string, opts: TagCliOptions, cmd: Command) => {
      await withTags(cmd, opts, 'shoebox tags find', async (api) => {
        // A label no set has is refused (exit 2), as `search --tag` refuses it.
        const paths = await asUsage(() => api.pathsWithTag(label, opts.set));
        // The model in use has embedded nothing yet: its automatic tags are not there to find (the
        // user's accepted ones are), said on stderr whatever the output.
        const waiting = await api.autoTagsNote();
        if (waiting !== null) process.stderr.write(`shoebox: ${printable(waiting)}\n`);
        if (opts.json) return printJson(paths);
        // None: said on stderr (the set has the label; no photo shows it), as `tags list` says it.
        if (paths.length === 0 && waiting === null) process.stderr.write(`shoebox: no photo is tagged ${printable(label.trim())}${opts.set ? ` in ${printable(opts.set)}` : ''}\n`);
        for (const p of paths) printLine(printable(p));
      });
    });

  withLibraryOptions(tags.command('folders'))
    .description('folders whose newly indexed photos are tagged, with their label sets')
    .action(async (opts: TagCliOptions, cmd: Command) => {
      await withTags(cmd, opts, 'shoebox tags folders', async (api) => {
        const list = await api.autoTagFolders();
        if (opts.json) return printJson(list);
        // None: said on stderr, as `tags list` says there is no tag, with how to make one.
        if (list.length === 0) process.stderr.write('shoebox: no folder is auto-tagged (shoebox tag --labels FILE FOLDER tags one, and its photos indexed later)\n');
        for (const f of list) printLine(`${f.folder === null ? '(whole library)' : printable(f.folder)}\t${printable(f.set)}`);
      });
    });

  withLibraryOptions(tags.command('stop'))
    .description('stop tagging newly indexed photos of a folder (its tags stay)')
    .argument('[folder]', 'the folder (none with --all)')
    .option('--all', 'the whole-library entry')
    .option('--set <name>', 'only this label set')
    .action(async (folder: string | undefined, opts: TagCliOptions, cmd: Command) => {
      if (!folder === !opts.all) throw new UsageError('give a folder or --all');
      await withTags(cmd, opts, 'shoebox tags stop', async (api) => {
        // What was auto-tagged before and after: a folder that was not (a second stop, a
        // mistyped path) is said, never reported as stopped.
        const before = await api.autoTagFolders();
        await api.stopAutoTaggingIn(folder ?? null, opts.set);
        const after = new Set((await api.autoTagFolders()).map((f) => JSON.stringify([f.folder, f.set])));
        const sets = before.filter((f) => !after.has(JSON.stringify([f.folder, f.set]))).map((f) => f.set);
        const where = folder ? printable(path.resolve(folder)) : 'the whole library';
        // `stopped`: whether anything was (false for a folder never auto-tagged, as the text says);
        // `folder`: the one named, null for the whole-library entry (--all).
        if (opts.json) return printJson({ folder: folder ? path.resolve(folder) : null, set: opts.set ?? null, sets, stopped: sets.length > 0 });
        if (sets.length === 0) printLine(`${where} was not auto-tagged${opts.set ? ` with ${printable(opts.set)}` : ''}: nothing to stop (shoebox tags folders lists what is)`);
        else printLine(`stopped auto-tagging ${where} (${sets.map(printable).join(', ')})`);
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
        const { builtinLabelSets } = await import('../../core/index');
        const names = builtinLabelSets();
        if (opts.json) return printJson(names);
        for (const n of names) printLine(n);
        return;
      }
      await withTags(cmd, opts, 'shoebox labels list', async (api) => {
        const sets = await api.listLabelSets();
        if (opts.json) return printJson(sets.map((s) => ({ name: s.name, labels: s.labels.length, threshold: s.threshold, margin: s.margin })));
        // None: said on stderr, as `tags list` says there is no tag, with how to make one.
        if (sets.length === 0) process.stderr.write('shoebox: no label set in the library yet (shoebox labels import FILE imports one; shoebox labels list --shipped lists the shipped ones)\n');
        for (const s of sets) printLine(`${s.name}\t${s.labels.length} labels\tthreshold ${s.threshold}, margin ${s.margin}`);
      }, false, 'read');
    });

  withLibraryOptions(labels.command('show'))
    .description('print a label set as JSON (the import format)')
    .argument('<name>', 'label set')
    .action(async (name: string, opts: LibraryCommandOptions, cmd: Command) => {
      await withTags(cmd, opts, 'shoebox labels show', async (api) => {
        const text = await api.exportLabelSet(name);
        process.stdout.write(opts.json ? `${JSON.stringify(JSON.parse(text))}\n` : text);
      });
    });

  withLibraryOptions(labels.command('import'))
    .description('import label sets from JSON files (or shipped sets by name), replacing sets of the same name')
    .argument('<file...>', '{"name", "labels": [string | {"name", "prompts"}], "threshold"?, "margin"?}')
    .action(async (files: string[], opts: LibraryCommandOptions, cmd: Command) => {
      await withTags(cmd, opts, 'shoebox labels import', async (api) => {
        const imported: LabelSetImport[] = [];
        for (const file of files) imported.push(await asUsage(() => api.importLabelSetFile(file)));
        if (opts.json) return printJson(imported.map((s) => ({ name: s.name, labels: s.labels.length, ...(s.dropped?.labels.length ? { dropped: s.dropped } : {}) })));
        for (const s of imported) {
          printLine(`imported ${s.name} (${s.labels.length} labels)`);
          // Labels the file lacks went, with their tags: said, as `labels remove` says it.
          if (s.dropped?.labels.length) printLine(droppedText(s.dropped));
        }
      });
    });

  withLibraryOptions(labels.command('export'))
    .description('write a label set as JSON to a file, or to stdout')
    .argument('<name>', 'label set')
    .argument('[file]', 'destination (default: stdout); an existing file is refused unless --force')
    .option('--force', 'replace the file if it exists')
    .action(async (name: string, file: string | undefined, opts: LibraryCommandOptions & { force?: boolean }, cmd: Command) => {
      // Before the library opens: a file the user has is never replaced without --force.
      if (file && !opts.force && fs.existsSync(file)) throw new Error(`${path.resolve(file)} exists: not replaced (--force replaces it)`);
      await withTags(cmd, opts, 'shoebox labels export', async (api) => {
        const text = await api.exportLabelSet(name);
        if (!file) return void process.stdout.write(opts.json ? `${JSON.stringify(JSON.parse(text))}\n` : text);
        // Whole or not at all: a full disk or a crash never leaves half a file in its place.
        writeFileAtomicSync(path.resolve(file), text);
        if (opts.json) return printJson({ name, file: path.resolve(file) });
        printLine(`wrote ${path.resolve(file)}`);
      });
    });

  withLibraryOptions(labels.command('remove'))
    .description('remove a label set with its tags; your accept/reject decisions on it are kept for a set imported again under its name (XMP sidecars are not touched)')
    .argument('<name>', 'label set')
    .addHelpText('after', '\nWith --json: {"removed", "decisions": kept, "albums": [names of albums whose --tag no set has now]}.')
    .action(async (name: string, opts: LibraryCommandOptions, cmd: Command) => {
      await withTags(cmd, opts, 'shoebox labels remove', async (api) => {
        const removed = await asUsage(() => api.removeLabelSetReport(name));
        if (opts.json) return printJson({ removed: removed.name, decisions: removed.decisions, albums: removed.albums });
        printLine(removalText(removed));
      });
    });
}

/** What `labels remove` did and left: the decisions kept, the albums whose tag filter now matches nothing. */
function removalText(removed: { name: string; decisions: number; albums: string[] }): string {
  return keptText(`removed label set ${printable(removed.name)}`, removed);
}

/** What a `labels import` took out of a set it replaced, in the words of `labels remove`. */
function droppedText(dropped: LabelsDroppedReport): string {
  const labels = dropped.labels.map(printable).join(', ');
  const what = `${dropped.labels.length === 1 ? 'label' : 'labels'} ${labels}`;
  const tags = dropped.tags === 0 ? 'no photo had them' : `${countText(dropped.tags, 'tag')} went with ${dropped.labels.length === 1 ? 'it' : 'them'}`;
  return keptText(`dropped ${what}: ${tags}`, dropped);
}

/** The decisions kept and the albums left matching nothing, after `head`. */
function keptText(head: string, removed: { decisions: number; albums: string[] }): string {
  const parts = [head];
  if (removed.decisions > 0) {
    const yours = removed.decisions === 1 ? 'your 1 decision on it is' : `your ${removed.decisions} decisions on it are`;
    parts.push(`${yours} kept and come${removed.decisions === 1 ? 's' : ''} back if you import it again`);
  }
  if (removed.albums.length > 0) {
    const albums = removed.albums.length === 1 ? '1 album filters' : `${removed.albums.length} albums filter`;
    parts.push(`${albums} by its labels and match${removed.albums.length === 1 ? 'es' : ''} nothing until then: ${removed.albums.map(printable).join(', ')}`);
  }
  return parts.join('; ');
}
