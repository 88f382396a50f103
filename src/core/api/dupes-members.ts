// What the review shows on each copy beyond its size: what is at stake if it goes (its
// favourite, archive, description, hand-picked albums), which copies are one file on disk
// (hard links: they stay whichever is kept), when it was taken (two copies may
// differ only by a re-dated EXIF), and, for each group, why its keeper is suggested. Read
// for one page's members only, from tables the store keeps in memory per version (marks,
// descriptions) or small ones (albums, the page's signatures), so a page stays cheap.
//
// The reasons are keep-best's own criteria (src/core/dupes/keep-best.ts) applied again to the
// members as they are now; one the scan's order no longer bears out is left out, never invented.
import type { DuplicateGroupInfo, DuplicateMemberInfo, DuplicateReport } from '../../shared/api';
import { parseAlbum } from '../albums/album';
import { resolvePins } from '../albums/album-pins';
import { fileExif, keepReasons, placementsOf, type KeepCandidate } from '../dupes/keep-best';
import { withSizeTiers } from '../dupes/size-tiers';
import { sameFiles } from '../dupes/same-file';
import { knownUpscale, mayBeToldEnlarged, upscaleFactors } from '../dupes/upscale-check';
import type { LibraryStore, PhotoSummary } from '../store/types';

type DetailsSource = Pick<LibraryStore, 'favouriteHashes' | 'archivedHashes' | 'descriptions' | 'listAlbums' | 'getSignatures' | 'photosByPath' | 'libraryPathsByHash' | 'listFolders' | 'takenEdits' | 'placeEdits'>;

/** `page` with each member's marks and date, and each group's `why`; `rows`: the page's library rows by path. */
export async function withMemberDetails(page: DuplicateReport, rows: ReadonlyMap<string, PhotoSummary>, store: DetailsSource): Promise<DuplicateReport> {
  if (page.groups.length === 0) return page;
  const paths = [...new Set(page.groups.flatMap((g) => g.members.map((m) => m.path)))];
  const hashes = [...new Set(paths.flatMap((p) => rows.get(p)?.hash ?? []))];
  const [favourites, archived, descriptions, albums, signatures, folders, dates, places] = await Promise.all([
    store.favouriteHashes(),
    store.archivedHashes(),
    store.descriptions(),
    pinCounts(store, paths),
    store.getSignatures(hashes),
    store.listFolders(),
    store.takenEdits(),
    store.placeEdits(),
  ]);
  const [placements, linked] = await Promise.all([placementsOf(paths, folders.map((f) => f.path)), sameFiles(paths)]);
  const sharpness = new Map(signatures.map((s) => [s.hash, s.sharpness]));
  const upscale = await upscalesOf(page, rows);

  const member = (m: DuplicateMemberInfo): DuplicateMemberInfo => {
    const row = rows.get(m.path);
    if (!row) return m;
    const pinned = albums.get(m.path) ?? 0;
    return {
      ...m,
      ...(row.takenAt !== null ? { takenAt: row.takenAt } : {}),
      ...(row.takenAt !== null && typeof row.takenOffset === 'number' ? { takenOffset: row.takenOffset } : {}),
      ...(favourites.has(row.hash) ? { favourite: true as const } : {}),
      ...(archived.has(row.hash) ? { archived: true as const } : {}),
      ...(descriptions.has(row.hash) ? { described: true as const } : {}),
      ...(pinned > 0 ? { albums: pinned } : {}),
    };
  };
  // As the scan ranked them: its sizes (turning a photo keeps its pixel count), the file's own
  // EXIF (not a date or place set by hand) and the row's mtime.
  const candidate = (m: DuplicateMemberInfo, row: PhotoSummary): KeepCandidate => ({
    photo: { ...fileExif(row, { dates, places }), path: m.path, width: m.width, height: m.height, size: m.bytes },
    sharpness: sharpness.get(row.hash) ?? 0,
    placement: placements.get(m.path) ?? 1,
    upscale: upscale.get(row.hash) ?? 1,
  });
  const withRows = page.groups.map((g) =>
    g.members.flatMap((m) => {
      const row = rows.get(m.path);
      return row ? [{ m, c: candidate(m, row) }] : [];
    }),
  );
  // Size tiers over each picture, as the scan made them (a page carries whole pictures).
  const tiered = withSizeTiers(withRows.map((list) => list.map((x) => x.c)));
  const group = (g: DuplicateGroupInfo, k: number): DuplicateGroupInfo => {
    const members = withRows[k]!.map((x, j) => ({ m: x.m, c: tiered[k]![j]! }));
    const keeper = members.find((x) => x.m.id === g.keep);
    const why = keeper && members.length === g.members.length ? keepReasons(keeper.c, members.filter((x) => x !== keeper).map((x) => x.c)) : [];
    // Hard links of one another in this group: whichever is kept, the others stay (same-file.ts).
    const idOf = new Map(g.members.map((m) => [m.path, m.id]));
    const withLinks = (m: DuplicateMemberInfo): DuplicateMemberInfo => {
      const same = (linked.get(m.path) ?? []).flatMap((p) => idOf.get(p) ?? []);
      return same.length ? { ...member(m), sameFileAs: same } : member(m);
    };
    return { ...g, members: g.members.map(withLinks), ...(why.length ? { why } : {}) };
  };
  return { ...page, groups: page.groups.map(group) };
}

/**
 * The upscale factor of the contents the scan measured (upscale-check.ts): those with at least
 * 2.25 times the pixels of another member of their group (mayBeToldEnlarged), measured again
 * after a restart (once per process).
 */
async function upscalesOf(page: DuplicateReport, rows: ReadonlyMap<string, PhotoSummary>): Promise<Map<string, number>> {
  const files = new Map<string, string[]>();
  const out = new Map<string, number>();
  for (const g of page.groups) {
    const members = g.members.flatMap((m) => {
      const row = rows.get(m.path);
      return row ? [{ m, row }] : [];
    });
    const smallest = members.reduce((min, { m }) => Math.min(min, m.width * m.height), Infinity);
    // Only what the scan measured, by its own rule (a picture's groups are all on its page): a
    // factor this process measured in an earlier scan must not give a reason this one did not.
    for (const { m, row } of members) {
      if (row.durationMs != null || !mayBeToldEnlarged(m.width, m.height, smallest)) continue;
      const known = knownUpscale(row.hash);
      if (known !== undefined) out.set(row.hash, known);
      else files.set(row.hash, [...(files.get(row.hash) ?? []), m.path]);
    }
  }
  for (const [hash, factor] of await upscaleFactors(files)) out.set(hash, factor);
  return out;
}

/** How many albums each of `paths` is pinned into, resolved as the albums resolve their pins. */
async function pinCounts(store: Pick<LibraryStore, 'listAlbums' | 'photosByPath' | 'libraryPathsByHash'>, paths: readonly string[]): Promise<Map<string, number>> {
  const albums = (await store.listAlbums()).map((r) => parseAlbum(r.json)).filter((a) => a.pinned.length > 0);
  const resolved = await Promise.all(albums.map((album) => resolvePins(store, album)));
  const counts = new Map<string, number>();
  for (const { pinned } of resolved) for (const file of paths) if (pinned.has(file)) counts.set(file, (counts.get(file) ?? 0) + 1);
  return counts;
}
