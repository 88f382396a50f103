// In-memory dates and places set by hand (TakenEditRepository, PlaceEditRepository and
// EditsUpkeep of src/core/store/types.ts), over the fake photos' rows as the real store does
// over its tables: an edit rewrites every row of the content, a commit of an edited content
// takes the edit, a restore puts the file's values back, a repair fixes rows that lost them.
import type { ContentEdit, EditKind } from '../../../src/core/store/content-edits';
import { applyEdits, fileColumn } from '../../../src/core/store/content-edits';
import { PLACE_EDITS, TAKEN_EDITS } from '../../../src/core/store/edit-kinds';
import type { EditsUpkeep, PhotoRecord, PlaceEdit, PlaceEditRepository, TakenEdit, TakenEditRepository } from '../../../src/core/store/types';
import type { FakePhotos } from './fake-photos';

type Values = Record<string, number | null>;

/** One kind's edits over the fake rows. */
function fakeKind<E extends ContentEdit>(photos: FakePhotos, kind: EditKind) {
  let edits = new Map<string, E>();
  const values = (e: E, file: boolean): Values => Object.fromEntries(kind.columns.map((c) => [c, (e as unknown as Values)[file ? fileColumn(c) : c] ?? null]));
  const rewrite = (hashes: ReadonlySet<string>, take: (hash: string) => Values) => {
    for (const [p, row] of photos.rows) if (hashes.has(row.hash)) photos.rows.set(p, { ...row, ...take(row.hash) });
    photos.touch();
  };
  return {
    async set(list: readonly Omit<E, 'editedAt'>[]) {
      edits = new Map(edits); // a map handed out earlier stays as it was, like the real cache's
      for (const e of list) {
        const before = edits.get(e.hash);
        const file = before ? Object.fromEntries(kind.columns.map((c) => [fileColumn(c), (before as unknown as Values)[fileColumn(c)]])) : {};
        edits.set(e.hash, { ...e, ...file, editedAt: Date.now() } as unknown as E);
      }
      rewrite(new Set(list.map((e) => e.hash)), (h) => values(edits.get(h)!, false));
    },
    async restore(hashes: readonly string[]) {
      const restored = new Map(hashes.flatMap((h) => (edits.has(h) ? [[h, edits.get(h)!] as const] : [])));
      rewrite(new Set(restored.keys()), (h) => values(restored.get(h)!, true));
      edits = new Map([...edits].filter(([h]) => !restored.has(h)));
    },
    async all(): Promise<ReadonlyMap<string, E>> {
      return edits;
    },
    repair(): number {
      const row = (r: PhotoRecord) => r as unknown as Values;
      const stale = new Set([...photos.rows.values()].filter((r) => edits.has(r.hash) && kind.columns.some((c) => (row(r)[c] ?? null) !== values(edits.get(r.hash)!, false)[c])).map((r) => r.hash));
      if (stale.size) rewrite(stale, (h) => values(edits.get(h)!, false));
      return stale.size;
    },
    apply: (records: PhotoRecord[]) => applyEdits(kind, records, edits),
  };
}

export function fakeContentEdits(photos: FakePhotos): TakenEditRepository & PlaceEditRepository & EditsUpkeep & Pick<FakePhotos, 'upsertPhotos'> {
  const taken = fakeKind<TakenEdit>(photos, TAKEN_EDITS);
  const places = fakeKind<PlaceEdit>(photos, PLACE_EDITS);
  return {
    setTakenAt: taken.set,
    restoreTakenAt: taken.restore,
    takenEdits: taken.all,
    setPlace: places.set,
    restorePlace: places.restore,
    placeEdits: places.all,
    async repairEdits() {
      return taken.repair() + places.repair();
    },
    async upsertPhotos(records: PhotoRecord[]) {
      await photos.upsertPhotos(places.apply(taken.apply(records)));
    },
  };
}
