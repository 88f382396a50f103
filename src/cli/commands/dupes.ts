// `shoebox dupes`: exact, near and similar duplicate groups, each with the photo to keep;
// `--trash` lists the groups and keepers, then moves the others to the OS trash after a
// confirmation (or `--yes`). A picture of LARGE_DUPLICATE_GROUP photos or more (similar
// look-alikes chain; measured by the core on the picture as listed, the app's measure: its
// groups together, each photo once) is warned about and takes a typed "yes" or
// `--allow-large-groups`.
// Groups the core holds back (similar shots: other photos, not copies; a keeper with more
// pixels than a copy carrying the camera's EXIF it lacks, which may be an enlarged copy; the
// app starts them skipped) stay out of `--trash`, said in one line, unless `--include-similar`
// or `--include-unsure` includes them. A keeper's line says why it is suggested when that is a
// caution or the original of an enlarged copy (the core's reasons, the app's words); `--json`
// gives every group's reasons as its `why`.
// The work is the library host's (src/core/api/dupes-api.ts), the app's: the scan becomes
// the saved report the app reviews, and `--trash` plans and moves through the app's checked
// trash (trashDuplicates). Groups the user said are not duplicates
// (`shoebox dupes keep-both`, or the app) are left out, and such photos are never trashed;
// the subcommands that record, list and undo those decisions are in dupes-decisions.ts.
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { statusLine } from '../../base/status-line';
import type { DuplicateScanProgress, PlannedTrash, ShownScan } from '../../core/index';
import { DEFAULT_SIMILAR_THRESHOLD, LARGE_DUPLICATE_GROUP, type DuplicateKind, type KeepReason } from '../../shared/api';
import { formatBytes } from '../../shared/bytes-text';
import { duplicateKindsText, duplicatePicture } from '../../shared/duplicate-picture';
import { KEEP_REASON_TEXT } from '../../shared/keep-reason-text';
import { SAME_FILE_AS_KEPT } from '../../shared/same-file-text';
import { keptPhotoGone } from '../../shared/kept-instead-text';
import { EXIT_FAILURE, UsageError, printJson, printLine, printable } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { registerDupeDecisions } from './dupes-decisions';
import { stopOnSignals } from '../stop-signals';
import { countText } from '../../shared/count-text';
import { InvalidArgumentsError } from '../../shared/api-methods';
import { similarThreshold } from '../../shared/similar-threshold';

type DupesCliOptions = LibraryCommandOptions & { mode?: string; threshold?: string; folder?: string; trash?: boolean; yes?: boolean; allowLargeGroups?: boolean; includeSimilar?: boolean; includeUnsure?: boolean };

const MODES = ['exact', 'near', 'similar', 'all'] as const;

/** The default (exact and near) is the core's, as the app's scan. */
async function kindsFor(mode: string | undefined): Promise<readonly DuplicateKind[]> {
  const { DEFAULT_DUPLICATE_KINDS, DUPLICATE_KINDS } = await import('../../core/index');
  if (mode === undefined) return DEFAULT_DUPLICATE_KINDS;
  if (mode === 'all') return DUPLICATE_KINDS;
  if ((MODES as readonly string[]).includes(mode)) return [mode as DuplicateKind];
  throw new UsageError(`--mode must be one of ${MODES.join(', ')}, got "${mode}"`);
}

/** The number typed; which numbers a scan takes is the core's rule (find-duplicates.ts), as for the app. */
function parseThreshold(value: string | undefined, kinds: readonly DuplicateKind[]): number | undefined {
  if (value === undefined) return undefined;
  if (!kinds.includes('similar')) throw new UsageError('--threshold is the CLIP cosine of --mode similar (or all)');
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x)) throw new UsageError(`--threshold must be a number, got "${value}"`);
  // The core's rule, checked before the library is opened (nothing locked, no model asked for).
  try {
    return similarThreshold(x);
  } catch (error) {
    throw error instanceof InvalidArgumentsError ? new UsageError(error.message) : error;
  }
}

type ShownGroup = ShownScan['groups'][number];

/** The core's listing rules the text needs: its pictures, and why one is held back. */
interface ListingCore {
  groupsByPicture: (groups: ShownGroup[]) => ShownGroup[][];
  heldReasons: (picture: readonly ShownGroup[]) => HeldReason[];
}

type HeldReason = PlannedTrash['held']['for'][number];

/** What the core holds back from --trash, by reason: the group header's note, and what the one
 *  line that says how much was left out says of it, with the option that includes it. */
const HELD_TEXT: Readonly<Record<HeldReason, { note: string; what: string; why: string }>> = {
  similar: { note: 'similar shots', what: 'of similar shots', why: 'they are other photos, not copies; add --include-similar to move them too' },
  'unsure-keeper': {
    note: 'the keeper may be an enlarged copy',
    what: 'whose keeper may be an enlarged copy',
    why: "its keeper has more pixels than a copy with the camera's EXIF it lacks; check it (shoebox dupes keep-both, or choose in the app), or add --include-unsure to move them too",
  },
};
const heldNote = (reasons: readonly HeldReason[]) => `left out of --trash: ${reasons.map((r) => HELD_TEXT[r].note).join('; ')}`;
const heldLine = (held: PlannedTrash['held']) =>
  `shoebox: left out ${countText(held.groups, 'group')} ${held.for.map((r) => HELD_TEXT[r].what).join(' or ')} (${countText(held.photos, 'photo')} not moved): ${held.for.map((r) => HELD_TEXT[r].why).join('; ')}\n`;

/** The reasons the keeper's line notes (the JSON's `why` has them all): those a person must not
 *  miss, the caution and the original kept over its enlargement; the others are the ranking's
 *  plain order (--json). */
const NOTED: readonly KeepReason[] = ['resolution-without-camera', 'not-upscaled'];

/** Why a picture's keeper is suggested: its widest group's reasons, and the caution of any of its groups. */
function keeperWhy(set: readonly ShownGroup[], widest: number): KeepReason[] {
  const why = set[widest]?.why ?? [];
  const caution = set.some((g) => g.why?.includes('resolution-without-camera')) && !why.includes('resolution-without-camera');
  return caution ? ['resolution-without-camera', ...why] : [...why];
}

/** "only photos under DIR, similar shots at threshold X": what a narrowed scan looked at, said
 *  because it becomes the report the app reviews; '' for a scan of the whole library. */
function narrowedText(folder: string | undefined, threshold: number | undefined): string {
  return [folder === undefined ? '' : `only photos under ${printable(folder)}`, threshold === undefined ? '' : `similar shots at threshold ${threshold}`].filter(Boolean).join(', ');
}

/** One progress line on stderr while a person watches. */
function progressLine(): { update(p: DuplicateScanProgress): void; end(): void } {
  const line = statusLine();
  const label = { signatures: 'computing signatures of photos indexed earlier', near: 'comparing signatures', similar: 'comparing embeddings' };
  return {
    update(p) {
      line.show(`${label[p.phase]}: ${p.done}/${p.total}`, p.done >= p.total);
    },
    end: () => line.end(),
  };
}

/**
 * One block per picture, as the app's review shows them (a picture's exact copies and its
 * edited versions together, each photo once). `write`: stdout, or stderr when stdout is to
 * hold only the JSON document (which keeps the engine's groups, each with its kind).
 */
function printGroups(groups: ShownGroup[], core: ListingCore, write: (line: string) => void = printLine, leftOut: readonly HeldReason[] = []): void {
  if (groups.length === 0) return write('no duplicates found');
  for (const set of core.groupsByPicture(groups)) {
    const picture = duplicatePicture(set, (m) => m.path);
    const decided = new Set(picture.decided);
    const reasons = core.heldReasons(set).filter((r) => leftOut.includes(r));
    const held = reasons.length ? `  (${heldNote(reasons)})` : '';
    const why = keeperWhy(set, picture.widest);
    write(`${duplicateKindsText(picture.kinds)}: ${picture.members.length} photos${held}`);
    for (const m of picture.members) {
      const note = decided.has(m.path)
        ? '  (you said: not duplicates)'
        : m.path !== picture.keep && m.sameFileAs?.includes(picture.keep)
          ? `  (${SAME_FILE_AS_KEPT})`
          : m.path === picture.keep && why.some((r) => NOTED.includes(r))
            ? `  (${why.filter((r) => NOTED.includes(r)).map((r) => KEEP_REASON_TEXT[r]).join('; ')})`
            : '';
      write(`  ${m.path === picture.keep ? 'keep' : '    '}  ${m.width}x${m.height}  ${formatBytes(m.bytes).padStart(10)}  ${printable(m.path)}${note}`);
    }
  }
}

/** `typedYes`: only the full word counts (a large group: no "y" out of habit). */
async function confirm(question: string, typedYes = false): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return (typedYes ? /^yes$/i : /^(y|yes)$/i).test(answer.trim());
  } finally {
    rl.close();
  }
}

export function registerDupes(program: Command): void {
  const dupes = withLibraryOptions(program.command('dupes'));
  registerDupeDecisions(dupes);
  dupes
    .description('find duplicate photos (exact copies and edited versions by default), with the one to keep in each group')
    .option('--mode <mode>', 'exact, near (same picture edited: resized, re-encoded, brightened, cropped), similar (CLIP look-alikes) or all; default: exact and near')
    .option('--threshold <x>', `CLIP cosine for --mode similar/all (default ${DEFAULT_SIMILAR_THRESHOLD})`)
    .option('--folder <dir>', 'only photos under this library folder')
    .option('--trash', 'move every photo that is not its group\'s keeper to the OS trash (asks first)')
    .option('--yes', 'with --trash: do not ask (needed without a terminal)')
    .option('--include-similar', 'with --trash: also move the groups with similar shots (left out by default: they are other photos, not copies)')
    .option('--include-unsure', "with --trash: also move the groups whose keeper has more pixels than a copy with the camera's EXIF (left out by default: the keeper may be an enlarged copy)")
    .option('--allow-large-groups', `with --trash --yes: also trash groups of ${LARGE_DUPLICATE_GROUP} photos or more (similar look-alikes can chain into one huge group)`)
    .addHelpText(
      'after',
      '\nWith --json: [{"kind", "keep", "members": [{"path", "width", "height", "bytes"}]}], the keeper first in members' +
        '\n(width and height as the photo shows: a photo turned with shoebox rotate also has "rotation", its degrees), and' +
        '\n"decided": [paths] when some members were said not to be duplicates (shoebox dupes keep-both; they are never trashed),' +
        '\n"why": [reasons] why the keeper is suggested (keep-best\'s: "resolution", "resolution-without-camera" (more pixels, but a' +
        '\nsmaller copy has the camera\'s EXIF it lacks: it may be an enlarged copy), "not-upscaled", "exif", "size", "sharpness",' +
        '\n"real-file", "name", "older", "path"), "held": true on the groups of a picture held back: similar shots, or a keeper' +
        '\nthat may be an enlarged copy (--trash leaves them out unless --include-similar / --include-unsure);' +
        '\nwith --trash, each member also has "trashed": true|false. A trashed photo\'s own sidecar (PHOTO.xmp) goes with it.' +
        '\nSHOEBOX_TRASH_DIR=DIR uses a trash folder of your own (freedesktop layout) instead of the OS trash.',
    )
    .action(async (opts: DupesCliOptions, cmd: Command) => {
      const kinds = await kindsFor(opts.mode);
      const threshold = parseThreshold(opts.threshold, kinds);
      if (opts.yes && !opts.trash) throw new UsageError('--yes only goes with --trash');
      if (opts.allowLargeGroups && !opts.trash) throw new UsageError('--allow-large-groups only goes with --trash');
      if (opts.includeSimilar && !opts.trash) throw new UsageError('--include-similar only goes with --trash');
      if (opts.includeUnsure && !opts.trash) throw new UsageError('--include-unsure only goes with --trash');
      // Refuse before any work: without a terminal nobody can confirm, and we never assume.
      if (opts.trash && !opts.yes && !process.stdin.isTTY) throw new UsageError('--trash asks for confirmation on a terminal; add --yes to trash without asking');

      const core: ListingCore = await import('../../core/index');
      const library = await openCommandLibrary(cmd, opts, 'shoebox dupes');
      const { api } = library;
      const progress = progressLine();
      const stop = stopOnSignals();
      try {
        // The scan becomes the library's current duplicates report (the one the app reviews).
        const scan = await api
          .scanDuplicatesNow({
            kinds,
            ...(threshold !== undefined ? { similarThreshold: threshold } : {}),
            ...(opts.folder ? { folder: path.resolve(opts.folder) } : {}),
            writer: opts.trash === true,
            signal: stop.signal,
            onProgress: (p) => progress.update(p),
          })
          .catch((error: unknown) => {
            // A threshold out of range, refused by the core before it scans: a usage error.
            throw error instanceof InvalidArgumentsError ? new UsageError(error.message) : error;
          });
        progress.end();
        const narrowed = narrowedText(opts.folder ? path.resolve(opts.folder) : undefined, threshold);
        if (narrowed) process.stderr.write(`shoebox: scanned ${narrowed}: the app's duplicates review now shows this scan (and says so)\n`);
        const { stats } = scan;
        if (stats.signaturesComputed && process.stderr.isTTY) {
          process.stderr.write(`shoebox: computed the signatures of ${countText(stats.signaturesComputed, 'photo')} indexed before duplicate detection${stats.signaturesSaved ? ' (saved)' : ' (not saved: another process is writing the library)'}\n`);
        }
        if (stats.unsigned) process.stderr.write(`shoebox: ${countText(stats.unsigned, 'photo')} ${stats.unsigned === 1 ? 'has' : 'have'} no thumbnail and could not be read: left out of near duplicates\n`);
        const hidden = scan.hidden;
        if (hidden) process.stderr.write(`shoebox: ${countText(hidden, 'group')} left out: you said they are not duplicates (shoebox dupes decisions)\n`);
        // The keeper the last list named is gone from disk: say which copy is kept instead,
        // rather than leave it to vanish from the list (the core's comparison, the app's words).
        for (const k of scan.keptInstead) process.stderr.write(`shoebox: ${printable(keptPhotoGone(k.gone, k.kept))}\n`);
        const groups = scan.groups;

        if (!opts.trash) {
          if (opts.json) printJson(groups);
          else printGroups(groups, core);
          return;
        }

        // The app's trash rules: every non-keeper of the report, decided photos left out,
        // each unchanged since the scan and vouched for by a keeper that stays.
        const include: HeldReason[] = [...(opts.includeSimilar ? ['similar' as const] : []), ...(opts.includeUnsure ? ['unsure-keeper' as const] : [])];
        const plan = await api.planDuplicateTrash({ includeHeld: include });
        // What would go, with each group's keeper, is shown before anything is asked or moved.
        if (!opts.json) printGroups(groups, core, printLine, plan.held.for);
        else if (!opts.yes && plan.paths.length > 0) printGroups(groups, core, (line) => process.stderr.write(`${line}\n`), plan.held.for);
        if (plan.held.groups) process.stderr.write(heldLine(plan.held));
        for (const s of plan.skipped) process.stderr.write(`shoebox: not trashing ${printable(s.path)}: ${printable(s.reason)}\n`);
        // The core's list (the pictures some of the plan comes from), as the app is sent it.
        const large = plan.large;
        for (const p of large) process.stderr.write(`shoebox: warning: one group has ${p.members.length} photos (${duplicateKindsText(p.kinds)}, keeping ${printable(p.keep)}): a group this large is rarely all copies of one picture; check it before trashing\n`);
        if (large.length && opts.yes && !opts.allowLargeGroups) {
          throw new UsageError(`nothing moved: a group has ${LARGE_DUPLICATE_GROUP} photos or more; look at it first, then add --allow-large-groups to trash it without asking`);
        }
        let moved = new Set<string>();
        let failed: { path: string; error: string }[] = [];
        // Declined: "nothing moved" is the one line said, not also "moved 0 of N".
        let answered = false;
        if (plan.paths.length > 0) {
          const question = large.length && !opts.allowLargeGroups
            ? `Move ${countText(plan.paths.length, 'photo')} (${formatBytes(plan.bytes)}) to the trash, including ${large.length === 1 ? 'a group' : 'groups'} of ${large.map((p) => p.members.length).join(', ')} photos? Type "yes" to move ${plan.paths.length === 1 ? 'it' : 'them'}: `
            : `Move ${countText(plan.paths.length, 'photo')} (${formatBytes(plan.bytes)}) to the trash? [y/N] `;
          const ok = opts.yes || (await confirm(question, large.length > 0 && !opts.allowLargeGroups));
          answered = ok;
          if (ok) {
            // The app's trash: the plan is checked again, then every other member stays.
            const result = await api.trashDuplicates(plan.ids);
            for (const s of result.skipped) process.stderr.write(`shoebox: not trashing ${printable(s.path)}: ${printable(s.reason)}\n`);
            moved = new Set(result.moved);
            failed = result.failed;
          } else {
            process.stderr.write('shoebox: nothing moved\n');
          }
        }
        if (opts.json) {
          printJson(groups.map((g) => ({ ...g, members: g.members.map((m) => ({ ...m, trashed: moved.has(m.path) })) })));
        } else if (plan.paths.length && answered) {
          printLine(`moved ${moved.size} of ${plan.paths.length} photos to the trash`);
        }
        for (const f of failed) process.stderr.write(`shoebox: could not trash ${printable(f.path)}: ${printable(f.error)}\n`);
        if (failed.length) process.exitCode = EXIT_FAILURE;
      } finally {
        progress.end();
        stop.release();
        await library.close();
      }
    });
}
