// Which of the photos the UI asks to trash may go. The rule: a photo is moved only when it is
// a member of the last scan's groups, not the photo its group keeps (the engine's keeper, or
// the member the user chose instead), unchanged since the scan, and a duplicate of a keeper
// that stays, unchanged, on disk. Everything else is skipped with a reason. What the user
// gave a photo that goes is handed to its keeper (keeper-marks.ts).
import { planTrash } from '../dupes/trash-duplicates';
import type { DuplicateGroup } from '../dupes/types';
import type { KeptReport, ScannedState } from './dupes-report';
import { pathFromPhotoId } from './photo-id';
import { pictures } from './dupes-pictures';
import { keptInsteadOf } from '../../shared/kept-instead-text';

export interface TrashSelection {
  paths: string[];
  bytes: number;
  skipped: { path: string; reason: string }[];
  /** Each path's keeper: the photo that stays in its place (its group's, as the user chose). */
  keepers: Map<string, string>;
}

const NOT_SCANNED = 'not in the last duplicate scan';

/** `current`: the library's rows now (store.photoStates()). */
export async function selectForTrash(kept: KeptReport | null, ids: readonly string[], keepIds: readonly string[], current: ReadonlyMap<string, ScannedState>): Promise<TrashSelection> {
  const skipped: TrashSelection['skipped'] = [];
  const keep = new Set(keepIds.flatMap((id) => pathFromPhotoId(id) ?? []));
  const members = new Set(kept?.groups.flatMap((g) => g.members.map((m) => m.path)) ?? []);
  const groups = kept?.groups ?? [];
  // The photo each group keeps: the user's choice when they made one, else the engine's.
  const keeperOf = new Map<DuplicateGroup, string>(groups.map((g) => [g, g.members.find((m) => keep.has(m.path))?.path ?? g.keep]));
  // Keepers the user chose that left the report since (deleted, moved): their group now keeps
  // another copy, possibly one the dialog listed to go; that one stays, and says why.
  // Only a picture (groups sharing photos: dupes-pictures.ts) none of whose photos the user chose
  // lost its chosen keeper: a group of a picture whose keeper stays (X kept in {X,Z}, its chained
  // group {Y,Z} keeping Y) keeps its own keeper, as before, whatever vanished elsewhere.
  const goneKeepers = [...keep].filter((p) => !members.has(p));
  const orphaned = new Set(pictures(groups).filter((picture) => !picture.some((g) => g.members.some((m) => keep.has(m.path)))).flat());
  const keptInstead = (file: string) => goneKeepers.length > 0 && groups.some((g) => g.keep === file && orphaned.has(g));
  const keptInsteadReason = goneKeepers.length === 1 ? keptInsteadOf(goneKeepers[0]!) : 'kept instead of the photo you chose to keep, which is gone';

  let wanted = new Set<string>();
  for (const id of new Set(ids)) {
    const file = pathFromPhotoId(id);
    if (!file) skipped.push({ path: id, reason: 'not a photo id' });
    else if (!members.has(file)) skipped.push({ path: file, reason: NOT_SCANNED });
    else if (keep.has(file)) skipped.push({ path: file, reason: 'you chose to keep it' });
    else if (groups.every((g) => keeperOf.get(g) === file || !g.members.some((m) => m.path === file))) skipped.push({ path: file, reason: keptInstead(file) ? keptInsteadReason : 'it is the photo its group keeps' });
    else wanted.add(file);
  }

  // Only rows as they were when scanned count as "indexed": a photo re-indexed since (new
  // content under the same path) is not the duplicate the user reviewed.
  const indexed = new Map<string, { size: number; mtimeMs: number }>();
  for (const [file, then] of kept?.states ?? []) {
    const now = current.get(file);
    if (now && now.size === then.size && now.mtimeMs === then.mtimeMs && now.hash === then.hash) indexed.set(file, { size: now.size, mtimeMs: now.mtimeMs });
  }

  // A group whose keeper is itself being moved vouches for nothing; dropping photos can
  // restore such groups, so narrow until every photo left has a keeper that stays.
  for (;;) {
    const vouching = groups.flatMap((g): DuplicateGroup[] => {
      const keeper = keeperOf.get(g)!;
      if (wanted.has(keeper)) return [];
      return [{ ...g, keep: keeper, members: g.members.filter((m) => m.path === keeper || wanted.has(m.path)) }];
    });
    const plan = await planTrash(vouching, indexed);
    if (plan.paths.length === wanted.size) {
      const keepers = new Map<string, string>();
      for (const g of vouching) for (const m of g.members) if (m.path !== g.keep && !keepers.has(m.path)) keepers.set(m.path, g.keep);
      return { paths: plan.paths, bytes: plan.bytes, skipped: [...skipped, ...plan.skipped], keepers };
    }
    const chosen = new Set(plan.paths);
    const reasons = new Map(plan.skipped.map((s) => [s.path, s.reason]));
    for (const file of wanted) {
      if (!chosen.has(file)) skipped.push({ path: file, reason: reasons.get(file) ?? 'the photo it duplicates is being moved too' });
    }
    wanted = chosen;
  }
}
