// `shoebox places`: the library's photos by where they were taken (country, then town, most
// photos first), named offline from their GPS positions; `shoebox places PLACE` lists a
// place's photos, newest first; `shoebox places --far` those whose position is far from any
// town (a mistyped one to set again with `shoebox place set`), as the Places page's note leads
// to them. The app's Places page reads the same core calls (places(), timeline()).
import type { Command } from 'commander';
import { printJson, printLine, printable, UsageError } from '../output';
import { openCommandLibrary, withLibraryOptions, type CommandLibrary, type LibraryCommandOptions } from '../library-options';
import { takenAtIso } from '../../shared/taken-at';
import { itemsText } from '../../shared/count-text';
import type { TimelineOptions, TimelinePhoto } from '../../shared/api';
import { machineUtcOffset } from '../machine-utc-offset';

const PAGE = 1000;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A country's or town's videos for --json, as the core gives them: absent when there are none. */
function videosOf(group: { videos?: number }): { videos?: number } {
  return group.videos ? { videos: group.videos } : {};
}

async function summary(library: CommandLibrary, json: boolean | undefined): Promise<void> {
  const { countries, located, locatedVideos, unplaced, unplacedVideos, withoutPlace, withoutPlaceVideos } = await library.api.places();
  if (json) {
    // The videos counts as the core gives them (and the README says): absent when there are none.
    return printJson({
      located,
      ...(locatedVideos ? { locatedVideos } : {}),
      unplaced,
      ...(unplacedVideos ? { unplacedVideos } : {}),
      withoutPlace,
      ...(withoutPlaceVideos ? { withoutPlaceVideos } : {}),
      countries: countries.map((c) => ({ country: c.country, countryCode: c.countryCode, count: c.count, ...videosOf(c), towns: c.towns.map((t) => ({ city: t.city, place: t.place, count: t.count, ...videosOf(t) })) })),
    });
  }
  // Each count as the app's Places page says it ("9 photos, 1 video"): a video is never a photo.
  for (const c of countries) {
    printLine(`${c.country}\t${itemsText(c.count, c.videos ?? 0)}`);
    for (const t of c.towns) printLine(`  ${t.city}\t${itemsText(t.count, t.videos ?? 0)}`);
  }
  const towns = countries.reduce((n, c) => n + c.towns.length, 0);
  const far = `${unplaced ? `; ${itemsText(unplaced, unplacedVideos ?? 0)} with a position far from any town` : ''}${withoutPlace ? `; ${itemsText(withoutPlace, withoutPlaceVideos ?? 0)} without a place ('shoebox place set' gives one)` : ''}`;
  // On stderr: the list above stays a clean table for scripts.
  process.stderr.write(located ? `${itemsText(located, locatedVideos ?? 0)} in ${plural(towns, 'town')}, ${plural(countries.length, 'country', 'countries')}${far}\n` : `no photo has a GPS position near a town${far}\n`);
}

async function photosAt(library: CommandLibrary, place: string, json: boolean | undefined): Promise<void> {
  // A name that is no town or country anywhere ("Narnia") is the core's QueryError (exit 2).
  const photos = await timelinePhotos(library, { place });
  printPhotos(photos, json);
  if (photos.length === 0) process.stderr.write(`shoebox: no photo was taken in "${place}" (shoebox places lists the library's places)\n`);
}

/** --far: the photos the summary counts "with a position far from any town" (the core's one rule). */
async function photosFarFromTowns(library: CommandLibrary, json: boolean | undefined): Promise<void> {
  const photos = await timelinePhotos(library, { farFromTowns: true });
  printPhotos(photos, json);
  if (photos.length === 0) process.stderr.write('shoebox: no photo has a position far from any town\n');
}

/** Every photo of a timeline, newest first, a page at a time. */
async function timelinePhotos(library: CommandLibrary, options: TimelineOptions): Promise<TimelinePhoto[]> {
  const photos: TimelinePhoto[] = [];
  for (let offset = 0; ; offset += PAGE) {
    // Newest first with a file-dated photo on the machine's clock, as search reads its dates.
    const page = await library.api.timeline({ ...options, offset, limit: PAGE, utcOffset: machineUtcOffset() });
    photos.push(...page.photos);
    if (page.photos.length < PAGE || offset + PAGE >= page.total) break;
  }
  return photos;
}

function printPhotos(photos: readonly TimelinePhoto[], json: boolean | undefined): void {
  if (json) return printJson(photos.map((p) => ({ path: p.path, folder: p.folder, takenAt: p.takenAt === null ? null : takenAtIso(p.takenAt, p.takenOffset) })));
  for (const p of photos) printLine(printable(p.path));
}

export function registerPlaces(program: Command): void {
  withLibraryOptions(program.command('places'))
    .description('photos by where they were taken (from their GPS positions, named offline): countries and towns with counts, or a place\'s photos')
    .argument('[place]', 'a town, a country, or "town, country" (e.g. Arezzo, Italy, "Florence, IT"): list its photos, newest first')
    .option('--far', "list the photos whose position is far from any town, newest first (a mistyped one: 'shoebox place set' sets it again)")
    .action(async (place: string | undefined, opts: LibraryCommandOptions & { far?: boolean }, cmd: Command) => {
      if (opts.far && place !== undefined) throw new UsageError('--far lists the photos far from any town: give it no place');
      const { QueryError } = await import('../../core/index');
      const library = await openCommandLibrary(cmd, opts, 'shoebox places', false, 'read');
      try {
        if (opts.far) await photosFarFromTowns(library, opts.json);
        else if (place === undefined) await summary(library, opts.json);
        else await photosAt(library, place, opts.json);
      } catch (err) {
        // A place the core refuses (" , " names nothing, "Narnia" no place) is a usage error, as search's --place.
        if (err instanceof QueryError) throw new UsageError(err.message);
        throw err;
      } finally {
        await library.close();
      }
    });
}
