// `shoebox dupes keep-both FILE FILE...`, `shoebox dupes decisions`, `shoebox dupes undo ID`:
// the remembered "not duplicates" decisions (src/core/dupes/decisions.ts), the same ones the
// app's "Not duplicates" button records. `shoebox dupes` leaves out the groups they cover.
import path from 'node:path';
import type { Command } from 'commander';
import type { DuplicateDecisionInfo } from '../../shared/api';
import { duplicateDecisionId } from '../../shared/duplicate-decision-id';
import { libraryChoice, type GlobalOptions } from '../global-options';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { UsageError, printJson, printLine, printable } from '../output';

/** The command's options with those given to `dupes` itself (--model-dir before the subcommand). */
function optionsOf(cmd: Command): LibraryCommandOptions {
  return cmd.optsWithGlobals<LibraryCommandOptions>();
}

/** "2024-05-01 14:03", local time: when a person decided. */
function when(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function label(d: DuplicateDecisionInfo): string {
  return d.kind === 'not-duplicates' ? 'not duplicates' : d.kind;
}

export function registerDupeDecisions(dupes: Command): void {
  withLibraryOptions(dupes.command('keep-both'))
    .description('remember that these photos are not duplicates: groups of only them are left out of later scans until one of the files shows another picture')
    .argument('<files...>', 'two or more photos in the library')
    .action(async (files: string[], _opts: LibraryCommandOptions, cmd: Command) => {
      if (new Set(files.map((f) => path.resolve(f))).size < 2) throw new UsageError('keep-both needs two or more different photos');
      const opts = optionsOf(cmd);
      const { photoId } = await import('../../core/index');
      const library = await openCommandLibrary(cmd, opts, 'shoebox dupes keep-both');
      try {
        // The app's "Not duplicates" button: the same call, the same record.
        const { applies: _applies, ...decision } = await library.api.decideDuplicates(files.map((f) => photoId(path.resolve(f))), 'not-duplicates');
        if (opts.json) printJson(decision);
        else printLine(`remembered: ${decision.members.length} photos are not duplicates (decision ${decision.id}; shoebox dupes undo ${decision.id} forgets it)`);
      } finally {
        await library.close();
      }
    });

  withLibraryOptions(dupes.command('decisions'))
    .description('list the remembered "not duplicates" decisions (from keep-both or the app), oldest first')
    .addHelpText('after', '\nWith --json: [{"id", "kind", "decidedAt", "members": [{"path", "hash"}], "applies"}]; "applies" is false once one of the files shows another picture or left the library.')
    .action(async (_opts: LibraryCommandOptions, cmd: Command) => {
      const opts = optionsOf(cmd);
      // The engine's warnings about the decisions file come as log events: stderr, one line each.
      const library = await openCommandLibrary(cmd, opts, 'shoebox dupes decisions');
      try {
        const decisions = await library.api.duplicateDecisions();
        if (opts.json) return printJson(decisions);
        if (decisions.length === 0) return printLine('no duplicate decisions');
        for (const d of decisions) {
          printLine(`${d.id}  ${when(d.decidedAt)}  ${label(d)}  ${d.members.length} photos${d.applies ? '' : '  (no longer applies: a file shows another picture or left the library)'}`);
          for (const m of d.members.map((x) => x.path).sort()) printLine(`  ${printable(m)}`);
        }
      } finally {
        await library.close();
      }
    });

  dupes
    .command('undo')
    .description('forget a remembered decision: its groups show again at the next scan')
    .argument('<id>', 'the decision, as `shoebox dupes decisions` lists it')
    .action(async (typed: string, _opts: unknown, cmd: Command) => {
      // The core's rule (which the host applies too), asked before anything opens so that a
      // mistyped id is a usage error, said as typed (control characters escaped as everywhere).
      let id: string;
      try {
        id = duplicateDecisionId(typed);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      // Only the decisions file: no model or library needed (the host answers without one).
      const { createLibraryApi } = await import('../../core/index');
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const host = await createLibraryApi({ ...(globals.home ? { home: globals.home } : {}), ...libraryChoice(globals), command: 'shoebox dupes undo', watch: false, writerLock: 'on-write' });
      try {
        await host.undoDuplicateDecision(id);
      } finally {
        await host.close();
      }
      printLine(`forgot decision ${id}: its groups show again at the next scan`);
    });
}
