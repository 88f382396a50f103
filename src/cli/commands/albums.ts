// `shoebox albums ...`: smart albums (saved queries whose members follow the library),
// pinned and excluded photos, rename and edit (pins and exclusions kept), export as links or
// copies. The work is the library host's (src/core/api/albums-api.ts), the app's albums;
// dates go through search's date parser.
import path from 'node:path';
import type { Command } from 'commander';
import type { AlbumFilters, AlbumMember, AlbumRequest, AlbumSummary, AlbumView, LibraryHost } from '../../core/index';
import type { AlbumInput } from '../../shared/api';
import { ALBUM_THRESHOLD_RULE, isAlbumThreshold } from '../../shared/album-threshold';
import { EXIT_FAILURE, UsageError, printJson, printLine, printable } from '../output';
import { unturnedText } from '../../shared/export-text';
import { copiesAsShownText, keptSidecarsText, uneditedText } from '../../shared/export-copies-text';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { reportMissingPhotos } from '../missing-photos';
import { queryOfferLine } from './albums-query-offer';
import { itemsText } from '../../shared/count-text';
import { describeAlbumFilters, emptyAlbumReason } from '../../shared/album-filters-text';
import { excludedMatchesText } from '../../shared/excluded-matches-text';
import { machineUtcOffset } from '../machine-utc-offset';

type CreateOptions = LibraryCommandOptions & { query?: string; threshold?: string; folder?: string; tag?: string; favourites?: boolean; place?: string; after?: string; before?: string; replace?: boolean };
type EditOptions = LibraryCommandOptions & Partial<Omit<CreateOptions, 'replace' | 'json'>> & { clear?: string[] };

/** The filters `albums edit --clear` takes away. */
const CLEARABLE = ['folder', 'tag', 'favourites', 'place', 'after', 'before'] as const;
type Clearable = (typeof CLEARABLE)[number];

const round = (x: number) => Number(x.toFixed(6));

async function withAlbums<T>(cmd: Command, opts: LibraryCommandOptions, command: string, fn: (api: LibraryHost) => Promise<T>): Promise<T> {
  const { AlbumError, QueryError } = await import('../../core/index');
  // Names and values the user typed that cannot work are usage errors (exit 2).
  const usage = (error: unknown) => (error instanceof AlbumError && error.usage) || error instanceof QueryError;
  const library = await openCommandLibrary(cmd, opts, command);
  try {
    return await fn(library.api);
  } catch (error) {
    // The core's refusals carry a command-line wording where the app's would not name options or commands.
    const cliText = error instanceof AlbumError && error.cliText !== undefined ? error.cliText : null;
    if (usage(error)) throw new UsageError(cliText ?? (error as Error).message);
    if (cliText !== null) throw new AlbumError(cliText);
    throw error;
  } finally {
    await library.close();
  }
}

function filtersJson(f: AlbumFilters) {
  return {
    ...(f.folder !== undefined ? { folder: f.folder } : {}),
    ...(f.tag !== undefined ? { tag: f.tag } : {}),
    ...(f.favourite ? { favourite: true } : {}),
    ...(f.place !== undefined ? { place: f.place } : {}),
    // As the album keeps them and `--after`/`--before` take them: the app's editor shows the same days.
    ...(f.after !== undefined ? { after: f.after } : {}),
    ...(f.before !== undefined ? { before: f.before } : {}),
  };
}

/** The threshold in effect, and whether it is automatic (the search's calibrated cut-off); a hand-picked album has none. */
function thresholdJson(album: AlbumSummary) {
  if (album.handPicked) return { handPicked: true };
  // A broken automatic album (or one not embedded yet) has no cut-off in effect (it cannot be computed): null, not a default.
  const automatic = album.threshold === null;
  return { threshold: automatic && noCutoffNow(album) ? null : round(album.effectiveThreshold), thresholdAutomatic: automatic };
}

/** Whether the album's automatic cut-off cannot be calibrated now: it is broken, or its photos are not embedded with the model in use. */
function noCutoffNow(album: AlbumSummary): boolean {
  return album.error !== undefined || album.notEmbedded !== undefined;
}

function thresholdText(album: AlbumSummary): string {
  if (album.handPicked) return 'hand-picked';
  const value = album.effectiveThreshold.toFixed(3);
  if (album.threshold === null) return noCutoffNow(album) ? 'threshold automatic' : `threshold automatic (${value} now)`;
  return `threshold ${value}`;
}

/** The filters as the app's album header words them (src/shared), with the folder's whole path and ISO days. */
function filtersText(filters: AlbumFilters): string {
  return describeAlbumFilters(filters, { folder: printable });
}

function albumJson(album: AlbumSummary, members: AlbumMember[]) {
  return {
    name: album.name,
    // Why a broken album matches nothing now (it still opens, to be edited or removed).
    ...(album.error !== undefined ? { broken: album.error } : {}),
    query: album.query,
    ...thresholdJson(album),
    filters: filtersJson(album.filters),
    // Where the pinned and excluded photos are now (pins follow moves and renames).
    pinned: album.current.pinned,
    excluded: album.current.excluded,
    members: members.map((m) => ({ path: m.path, score: round(m.score), pinned: m.pinned })),
  };
}

function printAlbum({ album, members, videos }: AlbumView, json: boolean | undefined, extra: Record<string, unknown> = {}): void {
  if (json) return printJson({ ...albumJson(album, members), ...extra });
  if (album.handPicked) {
    // Its photos are its pins, in the order they were pinned: no query, no scores.
    printLine(`${album.name}: hand-picked, ${itemsText(members.length, videos)}`); // a video is never counted as a photo
    for (const m of members) printLine(printable(m.path));
    return;
  }
  const filters = filtersText(album.filters);
  printLine(`${album.name}: "${album.query}"${filters ? ` (${filters})` : ''}, ${thresholdText(album)}, ${itemsText(members.length, videos)}`);
  for (const m of members) printLine(`${m.score.toFixed(4)}\t${printable(m.path)}${m.pinned ? '\t(pinned)' : ''}`);
}

/**
 * What `albums show` adds on stderr: why a broken album holds no photos, or that the model in
 * use has not embedded (all) the photos a smart album is found among.
 */
async function albumNote(api: LibraryHost, album: AlbumSummary, json: boolean | undefined): Promise<void> {
  if (album.error !== undefined) {
    process.stderr.write(`shoebox: album "${printable(album.name)}" is broken and holds no photos: ${printable(album.error)} (shoebox albums edit or albums remove mends it)\n`);
    return;
  }
  // The model in use embedded none of its photos: search's line, not "broken" (nothing to mend in the album).
  if (album.notEmbedded !== undefined) {
    process.stderr.write(`shoebox: ${printable(album.notEmbedded)}\n`);
    return;
  }
  // Photos not embedded with the model in use are the likelier reason an album is short: said first, and alone.
  if (!album.handPicked && (await embeddedNote(api))) return;
  // Empty, as the app's album view says it: why (nothing matches within its filters yet).
  // (--json: its `members` say it, and stderr stays for what JSON cannot say.)
  if (album.members > 0 || json) return;
  // Its query matches photos, all excluded by hand: said so (not "no photo matches"), with how to put one back.
  if (album.excludedMatches > 0) {
    const one = album.excludedMatches === 1 ? 'it' : 'one';
    process.stderr.write(`shoebox: no photo to show: ${excludedMatchesText(album.excludedMatches)} (shoebox albums unpin "${printable(album.name)}" PHOTO puts ${one} back)\n`);
    return;
  }
  process.stderr.write(`shoebox: no ${printable(emptyAlbumReason(album, { folder: printable, quote: (q) => `"${q}"` }))}\n`);
}

/** Search's line when the model in use has not embedded every photo (smart albums find only embedded ones); whether it said one. */
async function embeddedNote(api: LibraryHost): Promise<boolean> {
  const note = await api.notEmbeddedNote();
  if (note !== null) process.stderr.write(`shoebox: ${note}\n`);
  return note !== null;
}

function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Blank text is no number (Number('') is 0, which would save a threshold nobody typed).
  const t = value.trim() === '' ? Number.NaN : Number(value);
  if (!isAlbumThreshold(t)) throw new UsageError(`--threshold must be ${ALBUM_THRESHOLD_RULE}, got "${value}"`);
  return t;
}

/** `--clear tag,place --clear after`: the filters named, each known. */
function collectClear(value: string, previous: string[] = []): string[] {
  const names = value.split(',').map((n) => n.trim()).filter(Boolean);
  for (const n of names) if (!(CLEARABLE as readonly string[]).includes(n)) throw new UsageError(`--clear takes ${CLEARABLE.join(', ')} (comma-separated), got "${n}"`);
  return [...previous, ...names];
}

/**
 * The album's definition as stored (found among the summaries, so a broken album can still be
 * renamed or mended); for a name there is none of, the core's own error.
 */
async function albumNamed(api: LibraryHost, name: string): Promise<AlbumSummary> {
  return (await api.albumSummaries()).find((a) => a.name === name) ?? (await api.albumView(name)).album;
}

/** What `albums edit` was given: the change asked for, checked before the library opens. */
function editChange(opts: EditOptions): { threshold: number | 'auto' | undefined; cleared: Set<Clearable> } {
  const given = ['query', 'threshold', ...CLEARABLE, 'clear'] as const;
  if (!given.some((o) => opts[o] !== undefined)) {
    throw new UsageError('nothing to change: give --query, --threshold, --folder, --tag, --favourites, --place, --after, --before or --clear (to rename it: shoebox albums rename NAME NEW)');
  }
  const cleared = new Set(opts.clear as Clearable[] | undefined);
  const clash = CLEARABLE.find((f) => cleared.has(f) && opts[f] !== undefined);
  if (clash) throw new UsageError(`--${clash} and --clear ${clash} contradict each other: give one`);
  return { threshold: opts.threshold?.trim().toLowerCase() === 'auto' ? 'auto' : parseThreshold(opts.threshold), cleared };
}

/**
 * The album as `albums create --replace` makes it: what the options give, the rest as it is
 * (`--clear` takes a filter away, `--threshold auto` makes the album automatic again).
 */
function editedRequest(album: AlbumSummary, opts: EditOptions, { threshold, cleared }: ReturnType<typeof editChange>): AlbumRequest {
  const keep = <T>(given: T | undefined, filter: Clearable, current: T | undefined): T | undefined => given ?? (cleared.has(filter) ? undefined : current);
  const f = album.filters;
  const newThreshold = threshold === 'auto' ? null : (threshold ?? album.threshold);
  const folder = keep(opts.folder, 'folder', f.folder);
  const tag = keep(opts.tag, 'tag', f.tag);
  const favourite = keep(opts.favourites, 'favourites', f.favourite);
  const place = keep(opts.place, 'place', f.place);
  const after = keep(opts.after, 'after', f.after);
  const before = keep(opts.before, 'before', f.before);
  // The album's clock for file times stays; one without: this machine's (datesClock).
  const clock = datesClock({ after, before }, f.utcOffset);
  return {
    name: album.name,
    query: opts.query ?? album.query,
    ...(newThreshold !== null ? { threshold: newThreshold } : {}),
    ...(folder !== undefined ? { folder } : {}),
    ...(tag !== undefined ? { tag } : {}),
    ...(favourite ? { favourite: true } : {}),
    ...(place !== undefined ? { place } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(before !== undefined ? { before } : {}),
    ...clock,
    replace: true,
  };
}

/** With dates, the clock a photo without a date taken is dated on (its file's time): the
 *  album's own (`kept`), else this machine's, as `shoebox places`/`on-this-day` date it here;
 *  the album keeps it (core/albums/album-dates.ts). Without dates: none. */
function datesClock(dates: { after?: string | undefined; before?: string | undefined }, kept?: number): { utcOffset?: number } {
  return dates.after === undefined && dates.before === undefined ? {} : { utcOffset: kept ?? machineUtcOffset() };
}

/** The album's definition under another name: query, threshold and filters as they are. */
function renamed(album: AlbumSummary, name: string): AlbumInput {
  return { name, query: album.query, ...(album.threshold !== null ? { threshold: album.threshold } : {}), filters: album.filters };
}

/** The filters an album keeps, as `create` and `edit` take them. */
function withAlbumFilters(command: Command): Command {
  return command
    .option('--folder <dir>', 'only photos under this folder')
    .option('--tag <label>', 'only photos with this tag')
    .option('--favourites', 'only your favourites (shoebox favourites add)')
    .option('--place <place>', 'only photos taken there: a town, a country, or "town, country" (shoebox places)')
    .option('--after <date>', 'only photos dated on or after this date (date taken, else file time, as in the timeline)')
    .option('--before <date>', 'only photos dated before this date');
}

export function registerAlbums(program: Command): void {
  const albums = program.command('albums').description('albums: saved queries whose photos follow the library (smart), or photos picked by hand');

  withAlbumFilters(
    withLibraryOptions(albums.command('create'))
      .description('create an album from a query (its photos are those matching it now and later), or without one a hand-picked album of the photos given')
      .argument('<name>', 'album name')
      .argument('[photos...]', 'photos to pin into it (without --query: the hand-picked album\'s photos)')
      .option('--query <query>', 'what the photos show (text), or an image file to match; without it the album is hand-picked')
      .option('--threshold <cosine>', "minimum similarity to the query (default: automatic, the search's calibrated cut-off for the query)"),
  )
    .option('--replace', 'replace an album of the same name')
    .action(async (name: string, pins: string[], opts: CreateOptions, cmd: Command) => {
      const threshold = parseThreshold(opts.threshold);
      const query = opts.query ?? '';
      if (!query.trim()) {
        const given = ['threshold', 'folder', 'tag', 'favourites', 'place', 'after', 'before'] as const;
        const option = given.find((o) => opts[o] !== undefined);
        if (option) throw new UsageError(`--${option} needs --query: an album without a query is hand-picked (its photos are the ones pinned to it)`);
      }
      const { AlbumError } = await import('../../core/index');
      await withAlbums(cmd, opts, 'shoebox albums create', async (api) => {
        // The album and the photos given, pinned in the order given, are saved by the core in one
        // write: a photo the library does not hold is said (a folder as a folder) and the album
        // is made with the others, as the other commands taking photos do (exit 1); with none
        // of them held, no album is made (and none is left to block the name on a retry).
        // Dates are read by search's one parser in the core: 2021-02-30 is refused as there.
        const created = api.createAlbum({
          name,
          query,
          ...(threshold !== undefined ? { threshold } : {}),
          ...(opts.folder !== undefined ? { folder: opts.folder } : {}),
          ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
          ...(opts.favourites ? { favourite: true } : {}),
          ...(opts.place !== undefined ? { place: opts.place } : {}),
          ...(opts.after !== undefined ? { after: opts.after } : {}),
          ...(opts.before !== undefined ? { before: opts.before } : {}),
          ...datesClock(opts),
          ...(opts.replace ? { replace: true } : {}),
          ...(pins.length ? { pins: pins.map((photo) => path.resolve(photo)) } : {}),
        });
        // The core's line is the app's too; here the way on is a flag, which the line names.
        const made = await created.catch(async (error: unknown) => {
          if (error instanceof AlbumError && error.takenName !== undefined) throw new AlbumError(`${error.message}: --replace replaces it (its pins and exclusions stay), or choose another name`);
          if (!(error instanceof AlbumError) || error.missingPhotos === undefined) throw error;
          // Not one of the photos given is in the library: nothing made (no album on stdout), and
          // each photo said as every command says it (exit 1): one line for the usual typo.
          // Without --query and no such file at all, the words were likely the query: offered as one.
          const offer = query.trim() ? null : queryOfferLine(pins);
          if (offer !== null) {
            process.stderr.write(offer);
            process.exitCode = EXIT_FAILURE;
          } else await reportMissingPhotos(api, error.missingPhotos);
          return null;
        });
        if (made === null) return;
        printAlbum(made, opts.json);
        await reportMissingPhotos(api, made.missing);
      });
    });

  withLibraryOptions(albums.command('list'))
    .description('the albums, with how many photos each has now')
    .action(async (opts: LibraryCommandOptions, cmd: Command) => {
      await withAlbums(cmd, opts, 'shoebox albums list', async (api) => {
        const list = await api.albumSummaries();
        if (opts.json) {
          printJson(list.map((a) => ({ name: a.name, query: a.query, ...thresholdJson(a), filters: filtersJson(a.filters), pinned: a.current.pinned.length, excluded: a.current.excluded.length, members: a.members, ...(a.error ? { broken: a.error } : {}) })));
          if (list.some((a) => !a.handPicked && !a.error)) await embeddedNote(api);
          return;
        }
        if (list.length === 0) return printLine('no albums yet: shoebox albums create NAME --query "..." (or NAME PHOTO... for a hand-picked one)');
        // A broken album is listed with why (the others as usual); `albums remove` deletes it.
        for (const a of list) {
          if (a.error) printLine(`${a.name}\tbroken: ${a.error}\t"${a.query}"`);
          // Videos said apart, as `albums show` and the app say them ("4 photos, 1 video").
          else if (a.handPicked) printLine(`${a.name}\t${itemsText(a.members, a.videos)}\thand-picked`);
          else {
            const filters = filtersText(a.filters);
            printLine(`${a.name}\t${itemsText(a.members, a.videos)}\t"${a.query}"\t${thresholdText(a)}${filters ? `\t${filters}` : ''}`);
          }
        }
        if (list.some((a) => !a.handPicked && !a.error)) await embeddedNote(api);
      });
    });

  withLibraryOptions(albums.command('show'))
    .description("an album's photos, best match first")
    .argument('<name>', 'album name')
    .action(async (name: string, opts: LibraryCommandOptions, cmd: Command) => {
      await withAlbums(cmd, opts, 'shoebox albums show', async (api) => {
        const view = await api.albumView(name);
        printAlbum(view, opts.json);
        await albumNote(api, view.album, opts.json);
      });
    });

  withLibraryOptions(albums.command('rename'))
    .description('rename an album, keeping its query, threshold, filters, pins and exclusions')
    .argument('<name>', 'album name')
    .argument('<new-name>', 'its new name')
    .action(async (name: string, newName: string, opts: LibraryCommandOptions, cmd: Command) => {
      await withAlbums(cmd, opts, 'shoebox albums rename', async (api) => {
        // The app's editor's save: the core keeps the pins and exclusions across the rename.
        const saved = await api.saveAlbum(renamed(await albumNamed(api, name), newName), name);
        if (opts.json) {
          const { album, members } = await api.albumView(saved.name);
          return printJson({ ...albumJson(album, members), renamedFrom: name });
        }
        printLine(`renamed album "${printable(name)}" to "${printable(saved.name)}": ${itemsText(saved.members, saved.videos ?? 0)}, ${saved.pinned} pinned, ${saved.excluded} excluded`);
      });
    });

  withAlbumFilters(
    withLibraryOptions(albums.command('edit'))
      .description("change an album's query, threshold or filters; what is not given stays, pins and exclusions too")
      .argument('<name>', 'album name')
      .option('--query <query>', 'what the photos show (text), or an image file to match')
      .option('--threshold <cosine>', "minimum similarity to the query, or auto (the search's calibrated cut-off for the query)"),
  )
    .option('--clear <filters>', `take filters away: ${CLEARABLE.join(', ')} (comma-separated, or --clear again)`, collectClear)
    .action(async (name: string, opts: EditOptions, cmd: Command) => {
      const change = editChange(opts);
      await withAlbums(cmd, opts, 'shoebox albums edit', async (api) => {
        // `create --replace`'s save, as the app's editor saves an edit: pins and exclusions kept.
        printAlbum(await api.createAlbum(editedRequest(await albumNamed(api, name), opts, change)), opts.json);
      });
    });

  const edit = (verb: 'pin' | 'exclude' | 'unpin', description: string) =>
    withLibraryOptions(albums.command(verb))
      .description(description)
      .argument('<name>', 'album name')
      .argument('<photo>', 'a photo in the library')
      .action(async (name: string, photo: string, opts: LibraryCommandOptions, cmd: Command) => {
        await withAlbums(cmd, opts, `shoebox albums ${verb}`, async (api) => {
          // An exclusion of a photo the album does not hold now still counts (it keeps the
          // photo out later): said, from the album as it was (unknown for a broken one).
          const before = verb === 'exclude' ? await api.albumView(name).catch(() => null) : null;
          const view = await api.editAlbum(name, photo, verb);
          const abs = path.resolve(photo);
          // --json: `changed`, whether the album's pins or exclusions changed; `inAlbum: false`, an exclusion of a photo it did not hold.
          const extra: Record<string, unknown> = { changed: view.changed ?? true };
          if (before?.album.handPicked) {
            // A hand-picked album holds only its pins: excluding a photo is unpinning it.
            if (!before.members.some((m) => m.path === abs)) {
              process.stderr.write(`shoebox: ${printable(photo)} is not in the hand-picked album "${printable(name)}"\n`);
              extra.inAlbum = false;
            }
          } else if (before && !before.album.current.excluded.includes(abs) && !before.members.some((m) => m.path === abs)) {
            process.stderr.write(`shoebox: ${printable(photo)} is not in the album "${printable(name)}"; excluded all the same (it will not join it later)\n`);
            extra.inAlbum = false;
          }
          if (verb === 'pin' && view.changed === false) {
            process.stderr.write(`shoebox: ${printable(photo)} was pinned to the album "${printable(name)}" already; nothing changed\n`);
          }
          if (verb === 'unpin' && view.changed === false) {
            process.stderr.write(`shoebox: ${printable(photo)} was neither pinned to nor excluded from the album "${printable(name)}"; nothing changed\n`);
          }
          printAlbum(view, opts.json, extra);
        });
      });
  edit('pin', 'keep a photo in the album whatever its score');
  edit('exclude', 'keep a photo out of the album whatever its score (also one not in it now); in a hand-picked album, unpin it');
  edit('unpin', 'undo a pin or an exclusion');

  withLibraryOptions(albums.command('remove'))
    .description('remove an album (its photos are not touched)')
    .argument('<name>', 'album name')
    .action(async (name: string, opts: LibraryCommandOptions, cmd: Command) => {
      await withAlbums(cmd, opts, 'shoebox albums remove', async (api) => {
        await api.removeAlbum(name);
        if (opts.json) return printJson({ removed: name });
        printLine(`removed album ${name}`);
      });
    });

  withLibraryOptions(albums.command('export'))
    .description('put the album into a folder as symbolic links (or copies with --copy); run again to add new photos')
    .argument('<name>', 'album name')
    .argument('<dir>', 'destination folder (created if needed)')
    .option('--copy', 'copy the photos instead of linking to them')
    .action(async (name: string, dir: string, opts: LibraryCommandOptions & { copy?: boolean }, cmd: Command) => {
      await withAlbums(cmd, opts, 'shoebox albums export', async (api) => {
        const report = await api.exportAlbumTo(name, dir, opts.copy ?? false);
        for (const f of report.failed) process.stderr.write(`shoebox: ${printable(f.path)}: ${printable(f.error)}\n`);
        if (report.failed.length) process.exitCode = EXIT_FAILURE;
        if (opts.json) return printJson({ album: name, ...report });
        // What the copies carry is the core's text, the app's too.
        const asShown = copiesAsShownText(report.turned, report.edited);
        printLine(`${report.exported} exported, ${report.skipped} already there, ${report.failed.length} failed -> ${printable(report.dir)}${asShown ? ` (${asShown})` : ''}`);
        if (report.unturned.length) printLine(unturnedText(report.unturned.length, opts.copy ?? false, 'export with --copy'));
        if (report.unedited.length) printLine(uneditedText(report.unedited.length, opts.copy ?? false, 'export with --copy'));
        if (report.keptSidecars.length) printLine(keptSidecarsText(report.keptSidecars.length));
      });
    });
}
