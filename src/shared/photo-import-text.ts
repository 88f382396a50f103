// What an import from a card or folder did, as the app's job line and the CLI say it.
import type { PhotoImportResult } from './api';
import { importFailureLines } from './import-failure-lines';
import { SKIPPED_EMPTY, SKIPPED_LINK, SKIPPED_NAME_NOT_UTF8 } from './import-skipped';

/** How this front end imports anyway what the user trashed in Shoebox (`it` or `them`). */
export type TrashedHint = (it: string) => string;
/** The CLI's: it has --include-trashed. */
export const CLI_TRASHED_HINT: TrashedHint = (it) => `restore ${it} from the trash, or run shoebox import --include-trashed`;
/** The app's: its import has no such option (a restored photo is in the library again). */
export const APP_TRASHED_HINT: TrashedHint = (it) => `restore ${it} from the trash`;

/** How many of the copies that could not be indexed are named in the line before "and N more". */
const NOT_INDEXED_NAMED = 3;

/**
 * "copied 7 photos and 1 video into /Photos/Import, 3 already in the library, 1 duplicate on
 * the card, 2 files left on the card (not photos or videos), 1 failed; 5 indexed, 3 could not
 * be indexed: IMG_0009.JPG, IMG_0010.JPG, IMG_0011.JPG"; "no photos or videos found in /media/card".
 */
export function photoImportSummary(r: PhotoImportResult, trashedHint: TrashedHint = CLI_TRASHED_HINT): string {
  const count = (n: number, noun: string) => `${n.toLocaleString()} ${n === 1 ? noun : `${noun}s`}`;
  const media = (all: number, videos: number) => {
    const photos = all - videos;
    if (videos === 0) return count(photos, 'photo');
    return photos === 0 ? count(videos, 'video') : `${count(photos, 'photo')} and ${count(videos, 'video')}`;
  };
  // A file whose name is not UTF-8 could not be opened: maybe a photo, never copied (a failure,
  // the CLI exits 1), said in its own words, never "no photos or videos found".
  const badNames = r.failed.filter((f) => f.step === 'copy' && f.error === SKIPPED_NAME_NOT_UTF8).length;
  const copyFailures = r.failed.filter((f) => f.step === 'copy' && f.error !== SKIPPED_NAME_NOT_UTF8);
  const copyFailed = copyFailures.length;
  const notIndexed = r.failed.filter((f) => f.step === 'index');
  // A destination that cannot be written stops every file alike: each folder and cause said
  // once ("(3 of them: cannot write into A: …; 1: cannot write into B: …)").
  const { destinations } = importFailureLines(copyFailures);
  const oneCause = destinations.length === 1 && destinations[0]!.files === copyFailed;
  const causes = destinations.map((d, i) => `${d.files.toLocaleString()}${i === 0 ? ' of them' : ''}: ${d.error}`).join('; ');
  const cause = destinations.length === 0 ? '' : oneCause ? `: ${destinations[0]!.error}` : ` (${causes})`;
  const renameThem = badNames ? `, ${count(badNames, 'file')} not imported: ${badNames === 1 ? 'its name is' : 'their names are'} not valid UTF-8 (rename ${badNames === 1 ? 'it' : 'them'}, then import again)` : '';
  const failed = `${copyFailed ? `, ${copyFailed.toLocaleString()} failed${cause}` : ''}${renameThem}`;
  // The files left on the card, each kind in its own words: an empty file or a link is not
  // "not a photo or video" (a script's --json has each with its reason).
  const skippedAs = (reason: string) => r.skipped.filter((f) => f.reason === reason).length;
  const [empty, links] = [skippedAs(SKIPPED_EMPTY), skippedAs(SKIPPED_LINK)];
  const others = r.skipped.length - empty - links;
  const leftApart = [empty ? `${count(empty, 'empty file')} left on the card` : '', links ? `${count(links, 'link')} left on the card (not followed)` : ''].filter(Boolean);
  // What the user moved to the trash from Shoebox is not copied back: said, with how to have it anyway.
  const trashedCount = r.trashed.length;
  const trashed = trashedCount ? `${media(trashedCount, r.trashedVideos)} you moved to the trash in Shoebox not imported again (to import ${trashedCount === 1 ? 'it' : 'them'} anyway: ${trashedHint(trashedCount === 1 ? 'it' : 'them')})` : '';
  if (r.stopped && r.copied.length === 0) return `stopped before anything was copied from ${r.from}${failed}`;
  if (r.copied.length === 0 && r.already === 0 && r.duplicates === 0 && notIndexed.length === 0 && trashedCount === 0) {
    const there = `${others ? ` (${count(others, 'file')} there ${others === 1 ? 'is not a photo or video' : 'are not photos or videos'})` : ''}${leftApart.map((c) => `, ${c}`).join('')}`;
    // Photos and videos found, none copied: not "nothing found" (a card of 700 photos the
    // destination refused). A folder of the card not read is no photo found.
    const found = copyFailures.filter((f) => !f.error.startsWith('folder not read')).length;
    if (found > 0) return `found ${found.toLocaleString()} ${found === 1 ? 'photo or video' : 'photos or videos'} in ${r.from}${there}, but could not copy any${oneCause ? cause : `: ${copyFailed.toLocaleString()} failed${cause}`}${renameThem}`;
    if (badNames) return `nothing copied from ${r.from}${there}${failed}`;
    // Nothing there the library could hold (an empty folder, a card of other files).
    return `no photos or videos found in ${r.from}${there}${failed}`;
  }
  const names = (files: readonly { path: string }[]) => {
    const named = files.slice(0, NOT_INDEXED_NAMED).map((f) => f.path.split(/[\\/]/).pop()!);
    const more = files.length - named.length;
    return `${named.join(', ')}${more ? ` and ${more.toLocaleString()} more` : ''}`;
  };
  // Copies the library recorded as unreadable at an earlier import are there: named, not copied or failed again.
  const recorded = r.alreadyUnreadable.map((p) => ({ path: p }));
  const unreadable = recorded.length ? ` (${recorded.length.toLocaleString()} of them recorded as unreadable: ${names(recorded)})` : '';
  const clauses = [
    r.already ? `${media(r.already, r.alreadyVideos)} already in the library${unreadable}` : '',
    trashed,
    r.duplicates ? `${count(r.duplicates, 'duplicate')} on the card` : '',
    others ? `${count(others, 'file')} left on the card (not ${others === 1 ? 'a photo or video' : 'photos or videos'})` : '',
    ...leftApart,
  ].filter(Boolean);
  const head = r.copied.length ? `copied ${media(r.copied.length, r.copiedVideos)} into ${r.to}${clauses.map((c) => `, ${c}`).join('')}` : `no new photos or videos in ${r.from}${clauses.length ? `: ${clauses.join(', ')}` : ''}`;
  if (r.stopped) return `${head}${failed}; stopped before the end: what was copied stays, and the next import or index run takes it`;
  const unindexed = notIndexed.length ? `${notIndexed.length.toLocaleString()} could not be indexed: ${names(notIndexed)}` : '';
  const indexed = r.indexed || r.copied.length ? `${r.indexed.toLocaleString()} indexed` : '';
  const end = [indexed, unindexed].filter(Boolean).join(', ');
  return `${head}${failed}${end ? `; ${end}` : ''}`;
}
