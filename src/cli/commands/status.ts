import type { Command } from 'commander';
import { askedProviderReason, modelProviders, notOnAsked, providerForced } from '../provider-note-line';
import type { GlobalOptions } from '../global-options';
import { printJson, printLine, printable } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { itemsText as countItems } from '../../shared/count-text';
import { textInPhotosLine } from '../text-in-photos-line';
import { otherModelText } from '../../shared/other-model-text';
import { libraryCount } from '../library-count-text';

export function registerStatus(program: Command): void {
  withLibraryOptions(program.command('status'))
    .description('photos indexed, failures with reasons, files pending, model and folders')
    .action(async (opts: LibraryCommandOptions, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, 'shoebox status', false, 'read');
      try {
        const status = await library.api.report();
        // When to say it and why: the rule index, watch and search say it by (provider-note-line.ts).
        // The core is asked only when a provider was forced and another is in use: asked
        // otherwise, it probes the providers (ONNX Runtime, WebGPU) on every status.
        const asked = cmd.optsWithGlobals<GlobalOptions>().provider;
        const providers = providerForced(asked) && asked !== status.provider ? await modelProviders(library.api) : null;
        const providerNote = providers && askedProviderReason(providers);
        // Which library this is (its folder, or s3://bucket/prefix: never keys nor the endpoint).
        const where = library.api.library;
        // The text-in-photos setting and how far its reading has got (videos are not read):
        // said always, on or off, so that status tells whether the library reads text.
        const text = await library.api.textInPhotos();
        // How many are archived, said as the app's footer says it (All photos, then "· 1 archived").
        const counted = await libraryCount(library.api, status);
        if (opts.json) return printJson({ ...status, providerNote, library: where, textInPhotos: text, archived: counted.archived });
        if (status.model === null) {
          // A device without a model lists the library; searching and indexing need one.
          // The model the core offers this device (the app's banner offers the same): the one
          // the library's photos are embedded with, and how to bring it here.
          const offer = (await library.api.models()).offer;
          const embedded = offer?.reason === 'library' ? offer : undefined;
          if (embedded?.bring === 'use') {
            // Installed but not the one in use (none chosen: the settings lost, or the one in use
            // removed). In use but not loaded is the model's problem, said below.
            printLine(`${counted.text}, ${status.failed.length} failed; embedded with ${printable(embedded.id)}, installed here but not in use, so it can list the library but not search or index it`);
            printLine(`  To search here: ${embedded.command}`);
          } else if (embedded?.broken !== undefined) {
            // Its folder is here but broken: "not installed" with `models import` alone would be
            // refused as already installed. The core's line says why and the fix (remove first).
            printLine(`${counted.text}, ${status.failed.length} failed; embedded with ${printable(embedded.id)}, which is incomplete or broken on this device, so it can list the library but not search or index it`);
            printLine(`  ${printable(embedded.broken)}`);
          } else if (embedded && embedded.bring !== 'chosen') {
            // Say which model the photos need: indexed with --model-dir, that folder is not kept.
            printLine(`${counted.text}, ${status.failed.length} failed; embedded with ${printable(embedded.id)}, which is not installed on this device, so it can list the library but not search or index it`);
            printLine(
              embedded.bring === 'install'
                ? `  To search here: ${embedded.command} (or pass --model-dir DIR)`
                : `  To search here: pass --model-dir DIR, the model's folder as when indexing, or keep it: ${embedded.command}`,
            );
          } else {
            // The core's sentence and its kind: a model installed meanwhile that the library
            // cannot open with yet, or one installed but half-installed or broken, is no "no
            // model on this device" (the sentence on the next line says what is wrong).
            const { modelProblem, modelProblemKind } = await library.api.status();
            const state = modelProblemKind === 'not-opened' ? 'its model cannot open it yet' : modelProblemKind === 'unusable' ? 'the active model cannot be used' : 'no model on this device';
            printLine(`${counted.text}, ${status.failed.length} failed; ${state}, so it can list the library but not search or index it`);
            if (modelProblem) printLine(`  ${modelProblem}`);
          }
        } else {
          printLine(`${counted.text}, ${status.failed.length} failed, ${status.pending} pending; model ${status.model} on ${status.provider}`);
          if (providers && providerNote) printLine(`  ${printable(notOnAsked(providers.asked!, providerNote))}`);
          // Another model has embedded the library and this one none or few (the core's offer):
          // that model, rather than an index run that would embed every photo again.
          const other = await library.api.otherModelOffer();
          if (other?.reason === 'library' && other.id !== status.model) printLine(`  ${printable(otherModelText(other, status.model, opts.model ? '--model' : opts.modelDir ? '--model-dir' : undefined))}`);
        }
        printLine(`  library: ${printable(where)}`);
        // An empty library's way to start comes right under which library it is (a mistyped one shows at once).
        if (status.photos === 0 && status.folders.length === 0 && status.failed.length === 0) {
          printLine('  an empty library: `shoebox index FOLDER` starts it (a mistyped --library or SHOEBOX_LIBRARY names an empty one too)');
        }
        printLine(`  ${textInPhotosLine(text)}`);
        const { copiesLine } = await import('../../core/index'); // loaded with the library already
        for (const f of status.folders) {
          const mapped = f.libraryPath ? ` (library folder ${printable(f.libraryPath)})` : '';
          printLine(`  ${printable(f.path)}${mapped}\t${itemsText(f)}${f.unavailable ? ` (${f.unavailable}; photos kept)` : ''}`);
          // Moved into the library (copiesAt)? Said beside the way to map it: not reachable here
          // (another device's path, or not mounted), still searched, thumbnails shown.
          // (The raw path to the line: its command quotes it so that it pastes as that path.)
          if (f.copiesAt) printLine(`    ${printable(copiesLine(f.path, f.photos, f.copiesAt))}`);
          if (f.unreachable) printLine(`    not reachable from this device: its photos search and show thumbnails; if the folder is elsewhere here, shoebox folders map ${printable(f.libraryPath ?? f.path)} PATH`);
        }
        for (const f of status.failed) printLine(`  failed: ${printable(f.path)}: ${printable(f.reason)}`);
      } finally {
        await library.close();
      }
    });
}

/** "74 photos", "70 photos, 4 videos" or "4 videos": the library's (or a folder's) files, `photos` counting both. */
function itemsText(status: { photos: number; videos: number }): string {
  return countItems(status.photos, status.videos);
}


